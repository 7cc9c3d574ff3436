package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/cli"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/server"
	"github.com/atriumhq/atrium/internal/sqlstore"
)

// testServer is a running Atrium with the tenant Contoso, created with
// the CLI on its database, and an admin token from 'token create'.
type testServer struct {
	srv     *httptest.Server
	app     *server.App
	db      []string // the database flags of operator commands
	dir     string
	created string // what 'tenant create' printed
	token   string
}

func startServer(t *testing.T) *testServer {
	t.Helper()
	ts := &testServer{dir: t.TempDir()}
	var handler http.Handler
	ts.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(ts.srv.Close)
	ts.db = []string{"--data", ts.dir, "--platform-domain", "atrium.test", "--public-url", ts.srv.URL}
	pwFile := filepath.Join(ts.dir, "pw")
	if err := os.WriteFile(pwFile, []byte("Admin-Pass-1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ts.created = mustRun(t, append([]string{"tenant", "create", "--name", "Contoso", "--domain-prefix", "contoso",
		"--admin-username", "admin", "--admin-password-file", pwFile}, ts.db...)...)
	ts.token = strings.TrimSpace(mustRun(t, append([]string{"token", "create", "--tenant", "contoso.atrium.test", "--user", "admin@contoso.atrium.test"}, ts.db...)...))
	app, err := server.Open(context.Background(), server.Config{Listen: "127.0.0.1:0", PublicURL: ts.srv.URL,
		Store: sqlstore.Config{DataDir: ts.dir}, PlatformDomain: "atrium.test", StrictAdvancedQueries: true,
		Password: password.Params{Memory: 1024, Time: 1, Threads: 1}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	ts.app, handler = app, app.Handler()
	return ts
}

// run runs the CLI and returns its exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := run(t, args...)
	if code != 0 {
		t.Fatalf("atrium %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

// TestOperatorAndRemoteCommands walks the README tour with the CLI: create
// a tenant and a token on the database, then manage users, domains and
// groups through a running server.
func TestOperatorAndRemoteCommands(t *testing.T) {
	ts := startServer(t)
	srv, db, dir, tok := ts.srv, ts.db, ts.dir, ts.token
	if !strings.Contains(ts.created, "admin sign-in:   admin@contoso.atrium.test") {
		t.Fatalf("tenant create output:\n%s", ts.created)
	}
	if strings.Count(tok, ".") != 2 {
		t.Fatalf("token = %q", tok)
	}
	remote := []string{"--server", srv.URL, "--token", tok}

	code, out, errs := run(t, append([]string{"user", "add", "joep@contoso.atrium.test", "--display-name", "Joep de Vries",
		"--set", "jobTitle=Planner", "--set", "usageLocation=NL"}, remote...)...)
	if code != 0 || !strings.Contains(out, "Joep de Vries") || !strings.Contains(errs, "temporary password (shown once): ") {
		t.Fatalf("user add: %d\n%s%s", code, out, errs)
	}
	pw := strings.TrimSpace(errs[strings.Index(errs, ": ")+2:])
	if password.Check(pw) != nil {
		t.Errorf("generated password %q breaks the policy", pw)
	}
	out = mustRun(t, append([]string{"user", "list", "-o", "json", "--filter", "startswith(displayName,'joep')"}, remote...)...)
	var users []map[string]any
	if err := json.Unmarshal([]byte(out), &users); err != nil || len(users) != 1 {
		t.Fatalf("user list json: %v\n%s", err, out)
	}
	id := users[0]["id"].(string)
	mustRun(t, append([]string{"user", "set", id, "--set", "department=Ops", "--set", "accountEnabled=false"}, remote...)...)
	out = mustRun(t, append([]string{"user", "get", "joep@contoso.atrium.test"}, remote...)...)
	if !strings.Contains(out, "Ops") || !strings.Contains(out, "false") {
		t.Errorf("user get after set:\n%s", out)
	}
	out = mustRun(t, append([]string{"user", "add", "jan.de.vries@contoso.atrium.test", "--password-file", filepath.Join(dir, "pw"), "-o", "json"}, remote...)...)
	if !strings.Contains(out, `"jan.de.vries@contoso.atrium.test"`) {
		t.Errorf("user add with dots in the name:\n%s", out)
	}
	mustRun(t, append([]string{"user", "delete", id}, remote...)...)
	out = mustRun(t, append([]string{"user", "list", "--deleted"}, remote...)...)
	if !strings.Contains(out, id) {
		t.Errorf("deleted list:\n%s", out)
	}
	mustRun(t, append([]string{"user", "restore", id}, remote...)...)

	out = mustRun(t, append([]string{"domain", "add", "contoso.example"}, remote...)...)
	if !strings.Contains(out, "TXT") || !strings.Contains(out, "MS=ms") {
		t.Errorf("domain add output:\n%s", out)
	}
	out = mustRun(t, append([]string{"domain", "list"}, remote...)...)
	if !strings.Contains(out, "contoso.example") || !strings.Contains(out, "contoso.atrium.test") {
		t.Errorf("domain list:\n%s", out)
	}
	out = mustRun(t, append([]string{"group", "add", "Planners", "--mail-nickname", "planners", "-o", "json"}, remote...)...)
	var g map[string]any
	_ = json.Unmarshal([]byte(out), &g)
	gid, _ := g["id"].(string)
	mustRun(t, append([]string{"group", "add-member", gid, id}, remote...)...)
	out = mustRun(t, append([]string{"group", "members", gid}, remote...)...)
	if !strings.Contains(out, "joep@contoso.atrium.test") {
		t.Errorf("group members:\n%s", out)
	}

	// Roles: assign, list members, bulk, revoke.
	code, out, errs = run(t, append([]string{"role", "assign", "user-admin", "jan.de.vries@contoso.atrium.test"}, remote...)...)
	if code != 0 || !strings.Contains(errs, "warning: Give jan.de.vries@contoso.atrium.test an alternate email") {
		t.Errorf("role assign: %d\n%s%s", code, out, errs)
	}
	out = mustRun(t, append([]string{"role", "members", "User Administrator"}, remote...)...)
	if !strings.Contains(out, "jan.de.vries@contoso.atrium.test") {
		t.Errorf("role members:\n%s", out)
	}
	list := filepath.Join(dir, "users.txt")
	if err := os.WriteFile(list, []byte("# helpdesk\njoep@contoso.atrium.test\njan.de.vries@contoso.atrium.test\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, append([]string{"role", "bulk", "password-admin", "--file", list}, remote...)...)
	if strings.Count(out, "done") != 2 {
		t.Errorf("role bulk:\n%s", out)
	}
	mustRun(t, append([]string{"role", "revoke", "user-admin", "jan.de.vries@contoso.atrium.test"}, remote...)...)
	if code, _, errs := run(t, append([]string{"role", "revoke", "global-admin", "admin@contoso.atrium.test"}, remote...)...); code != 1 ||
		!strings.Contains(errs, "at least one enabled Global admin") {
		t.Errorf("revoking the last Global admin: %d %s", code, errs)
	}
	if code, _, _ := run(t, append([]string{"role", "assign", "king", "joep@contoso.atrium.test"}, remote...)...); code != 2 {
		t.Errorf("unknown role: exit %d", code)
	}

	// Mail waits in the outbox without an SMTP server; the operator sees it.
	cl := client.New(srv.URL, tok)
	if err := cl.Do(context.Background(), "PATCH", "/api/settings/passwordPolicy", nil, nil, map[string]any{"ssprScope": "all"}, nil); err != nil {
		t.Fatal(err)
	}
	mustRun(t, append([]string{"user", "set", "jan.de.vries@contoso.atrium.test", "--set", `otherMails=["jan@example.net"]`}, remote...)...)
	if err := cl.Do(context.Background(), "POST", "/api/sspr/start", nil, nil, map[string]any{"username": "jan.de.vries@contoso.atrium.test"}, nil); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, append([]string{"outbox", "list"}, db...)...)
	if !strings.Contains(out, "jan@example.net") || !strings.Contains(out, "waiting") || !strings.Contains(out, "Your code: ") {
		t.Errorf("outbox list:\n%s", out)
	}

	// Key rotation: the new key is published at once and signs a day later.
	before := mustRun(t, append([]string{"keys", "list", "--tenant", "contoso.atrium.test"}, db...)...)
	out = mustRun(t, append([]string{"keys", "rotate", "--tenant", "contoso.atrium.test"}, db...)...)
	if !strings.HasPrefix(out, "New key ") {
		t.Errorf("keys rotate: %s", out)
	}
	after := mustRun(t, append([]string{"keys", "list", "--tenant", "contoso.atrium.test"}, db...)...)
	if strings.Count(before, "\n") != 2 || strings.Count(after, "\n") != 3 || !strings.Contains(after, strings.Fields(out)[2]) {
		t.Errorf("keys list before and after rotating:\n%s\n%s", before, after)
	}
	if out := mustRun(t, append([]string{"keys", "rotate", "--tenant", "contoso.atrium.test"}, db...)...); !strings.Contains(out, "under way") {
		t.Errorf("a second rotation: %s", out)
	}

	// Errors: readable, with exit code 1 for a refused call and 2 for usage.
	code, _, errs = run(t, append([]string{"user", "add", "bad@elsewhere.example"}, remote...)...)
	if code != 1 || !strings.Contains(errs, "verified domain names") || !strings.Contains(errs, "Request_BadRequest") {
		t.Errorf("refused add: %d %s", code, errs)
	}
	if code, _, _ := run(t, "user", "frobnicate"); code != 2 {
		t.Errorf("unknown subcommand: exit %d", code)
	}
	if code, _, errs := run(t, "user", "list", "--server", srv.URL, "--token", ""); code != 2 || !strings.Contains(errs, "no access token") {
		t.Errorf("missing token: %d %s", code, errs)
	}
	if code, _, _ := run(t, append([]string{"user", "list", "-o", "yaml"}, remote...)...); code != 2 {
		t.Errorf("bad output format: exit %d", code)
	}
	if code, _, errs := run(t, append([]string{"token", "create", "--tenant", "nope.example", "--user", "x@y.z"}, db...)...); code != 1 || !strings.Contains(errs, "nope.example") {
		t.Errorf("token for unknown tenant: %d %s", code, errs)
	}
}
