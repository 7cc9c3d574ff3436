package server_test

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// atriumBinary builds cmd/atrium once for the tests that run it as a real
// process, and returns its path.
func atriumBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "atrium-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "atrium")
		if out, err := exec.Command("go", "build", "-o", binPath, "../../cmd/atrium").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// process is an atrium binary with a fresh SQLite database holding the
// tenant org.atrium.test, and a client with its admin's token; serve starts
// (or restarts) the server on one fixed address.
type process struct {
	t      *testing.T
	bin    string
	addr   string
	common []string
	c      *client.Client
}

func newProcess(t *testing.T) *process {
	t.Helper()
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &process{t: t, bin: atriumBinary(t), addr: ln.Addr().String()}
	ln.Close()
	public := "http://" + p.addr
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("Admin-Pass-1"), 0o600); err != nil {
		t.Fatal(err)
	}
	p.common = []string{"--data", filepath.Join(dir, "data"), "--platform-domain", "atrium.test", "--public-url", public}
	if out, err := exec.Command(p.bin, append([]string{"tenant", "create", "--name", "Org", "--domain-prefix", "org",
		"--admin-password-file", pw}, p.common...)...).CombinedOutput(); err != nil {
		t.Fatalf("tenant create: %v\n%s", err, out)
	}
	tok, err := exec.Command(p.bin, append([]string{"token", "create", "--tenant", "org.atrium.test", "--user", "admin@org.atrium.test"}, p.common...)...).Output()
	if err != nil {
		t.Fatalf("token create: %v", err)
	}
	p.c = client.New(public, strings.TrimSpace(string(tok)))
	return p
}

// serve starts `atrium serve` and waits until it answers.
func (p *process) serve() *exec.Cmd {
	p.t.Helper()
	srv := exec.Command(p.bin, append([]string{"serve", "--listen", p.addr}, p.common...)...)
	if err := srv.Start(); err != nil {
		p.t.Fatal(err)
	}
	p.t.Cleanup(func() { _ = srv.Process.Kill(); _ = srv.Wait() })
	for i := 0; ; i++ {
		if _, err := p.c.Me(bg); err == nil {
			return srv
		} else if i > 200 {
			p.t.Fatalf("server did not come up: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
