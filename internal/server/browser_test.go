package server_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/dnstest"
)

// TestBrowser drives the admin center in Debian's Chromium with
// playwright-core (e2e/ui/run.mjs) against a real `atrium serve` on
// loopback with a fresh database and a real DNS server: an admin signs in,
// registers an authenticator app, sees Home, adds and verifies a domain;
// a user created in that domain signs in, changes the temporary password,
// sees My account and gets No access in the admin center; a partner's agent,
// in a browser of their own, invites the organization, acts in it and is
// refused once its admin removes delegated admin. Once in English
// and once in Dutch, each in its own organization. scripts/test.sh sets
// ATRIUM_REQUIRE_BROWSER, so in `make test` this test runs or fails.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds atrium and runs Chromium; skipped with -short")
	}
	root, _ := filepath.Abs("../..")
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	node, nodeErr := exec.LookPath("node")
	var missing []string
	for _, p := range []string{chromium, filepath.Join(root, "ui/node_modules/playwright-core"), filepath.Join(root, "ui/dist/app/index.html")} {
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, p)
		}
	}
	if nodeErr != nil || len(missing) > 0 {
		if os.Getenv("ATRIUM_REQUIRE_BROWSER") == "1" {
			t.Fatalf("the browser test needs node, Chromium, `npm ci --prefix ui` and `npm run build --prefix ui`; missing: %v %v", nodeErr, missing)
		}
		t.Skipf("needs node, %s, `npm ci --prefix ui` and `npm run build --prefix ui` (make test does it); missing %v", chromium, missing)
	}
	shots := os.Getenv("ATRIUM_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(root, "e2e/ui/screenshots")
	}

	dir := t.TempDir()
	bin := atriumBinary(t)
	dns := dnstest.Start(t)
	ctl := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var rec struct{ Name, Value string }
		if r.Method != http.MethodPost || r.URL.Path != "/txt" || json.NewDecoder(r.Body).Decode(&rec) != nil || rec.Name == "" {
			http.Error(w, "POST /txt {name, value}", http.StatusBadRequest)
			return
		}
		dns.SetTXT(rec.Name, rec.Value)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer ctl.Close()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	public := "http://" + addr
	common := []string{"--data", filepath.Join(dir, "data"), "--platform-domain", "atrium.test", "--public-url", public}
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("Admin-Pass-Br0wser"), 0o600); err != nil {
		t.Fatal(err)
	}
	runs := []struct{ locale, prefix, name, partner, partnerPrefix string }{
		{"en-US", "contoso", "Contoso", "Northwind", "northwind"}, {"nl-NL", "fabrikam", "Fabrikam", "Tailspin", "tailspin"}}
	agentGroups := map[string]string{}
	for _, r := range runs {
		if out, err := exec.Command(bin, append([]string{"tenant", "create", "--name", r.name, "--domain-prefix", r.prefix,
			"--admin-password-file", pw}, common...)...).CombinedOutput(); err != nil {
			t.Fatalf("tenant create: %v\n%s", err, out)
		}
		agentGroups[r.partnerPrefix] = makePartner(t, bin, common, r.partner, r.partnerPrefix, pw)
	}
	srv := exec.Command(bin, append([]string{"serve", "--listen", addr, "--dns-resolver", dns.Addr}, common...)...)
	var log strings.Builder
	srv.Stdout, srv.Stderr = &log, &log
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = srv.Process.Kill()
		_ = srv.Wait()
		if t.Failed() {
			t.Logf("atrium serve:\n%s", log.String())
		}
	}()
	for i := 0; ; i++ {
		if res, err := http.Get(public + "/healthz"); err == nil && res.StatusCode == 200 {
			res.Body.Close()
			break
		} else if i > 200 {
			t.Fatalf("server did not come up: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	for _, r := range runs {
		agent := addAgent(t, bin, common, public, r.partnerPrefix, agentGroups[r.partnerPrefix])
		t.Run(r.locale, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, "run.mjs")
			cmd.Dir = filepath.Join(root, "e2e/ui")
			cmd.Env = append(os.Environ(), "ATRIUM_URL="+public, "CONTROL_URL="+ctl.URL, "UI_LOCALE="+r.locale,
				"SCREENSHOTS="+shots, "DOMAIN_PREFIX="+r.prefix, "ADMIN_USER=admin@"+r.prefix+".atrium.test",
				"ADMIN_PASSWORD=Admin-Pass-Br0wser", "CHROMIUM="+chromium, "CUSTOMER_NAME="+r.name, "PARTNER_NAME="+r.partner,
				"PARTNER_AGENT_USER="+agent.agentUPN, "PARTNER_AGENT_PASSWORD="+agent.agentPassword)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil || !strings.Contains(string(out), `"ok":true`) {
				t.Fatalf("run.mjs %s: %v\n%s\n%s", r.locale, err, out, stderr.String())
			}
			t.Logf("%s: screenshots in %s\n%s", r.locale, shots, stderr.String())
		})
	}
}
