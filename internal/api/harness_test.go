package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/dnstest"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/server"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

var bg = context.Background()

// envBackend selects the database of the API tests: SQLite by default,
// "postgres" for PostgreSQL (scripts/test.sh runs both).
const envBackend = "ATRIUM_API_TEST_BACKEND"

// harness is a real server on loopback with a real SQLite store and a real
// DNS server, reached over HTTP.
type harness struct {
	t    testing.TB
	app  *server.App
	url  string
	dns  *dnstest.Server
	logs *syncBuffer // everything the server logged
	// client sends the requests of do; a browser sets its own, with cookies.
	client *http.Client
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newHarness starts a harness; opts change the server's configuration.
func newHarness(t testing.TB, opts ...func(*server.Config)) *harness {
	t.Helper()
	dns := dnstest.Start(t)
	var handler http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	logs := &syncBuffer{}
	store := sqlstore.Config{DataDir: t.TempDir()}
	if os.Getenv(envBackend) == "postgres" {
		store = sqlstore.Config{DatabaseURL: testdb.PostgresURL(t)}
	}
	cfg := server.Config{Listen: "127.0.0.1:0", PublicURL: srv.URL, Store: store,
		PlatformDomain: "atrium.test", DNSResolver: dns.Addr, StrictAdvancedQueries: true, AllowSignup: true,
		Password: password.Params{Memory: 1024, Time: 1, Threads: 1}, Logger: slog.New(slog.NewTextHandler(logs, nil))}
	for _, o := range opts {
		o(&cfg)
	}
	app, err := server.Open(bg, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	handler = app.Handler()
	return &harness{t: t, app: app, url: srv.URL, dns: dns, logs: logs, client: http.DefaultClient}
}

// tenant is a tenant of the harness with a Global admin and a member
// without a role.
type tenant struct {
	id, domain        string
	adminID, memberID string
	admin, member     *client.Client
	adminTok          string
	memberTok         string
}

func (h *harness) newTenant(prefix string) *tenant {
	h.t.Helper()
	ctx := authz.WithPrincipal(bg, authz.Operator)
	ct, err := h.app.Directory.CreateTenant(ctx, directory.NewTenant{Name: "Org " + prefix, DomainPrefix: prefix,
		AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
	if err != nil {
		h.t.Fatalf("create tenant %s: %v", prefix, err)
	}
	member, err := h.app.Directory.CreateUser(ctx, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "Member",
		"mailNickname": "member", "userPrincipalName": "member@" + ct.InitialDomain}, &directory.PasswordProfile{Password: "Member-Pass-1"})
	if err != nil {
		h.t.Fatal(err)
	}
	tn := &tenant{id: ct.TenantID, domain: ct.InitialDomain, adminID: ct.AdminID, memberID: member.ID}
	tn.adminTok = h.token(tn.id, tn.adminID)
	tn.memberTok = h.token(tn.id, tn.memberID)
	tn.admin, tn.member = client.New(h.url, tn.adminTok), client.New(h.url, tn.memberTok)
	return tn
}

func (h *harness) token(tenantID, userID string) string {
	h.t.Helper()
	tok, err := h.app.Tokens.Mint(bg, tenantID, userID, time.Hour, "test")
	if err != nil {
		h.t.Fatalf("mint token: %v", err)
	}
	return tok
}

// response is a raw HTTP response with its JSON body.
type response struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// errCode returns the Graph error code of the response.
func (r response) errCode() string {
	e, _ := r.body["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func (r response) errMessage() string {
	e, _ := r.body["error"].(map[string]any)
	m, _ := e["message"].(string)
	return m
}

func (r response) errTarget() string {
	e, _ := r.body["error"].(map[string]any)
	ds, _ := e["details"].([]any)
	if len(ds) == 0 {
		return ""
	}
	d, _ := ds[0].(map[string]any)
	t, _ := d["target"].(string)
	return t
}

// do sends a request with token (may be empty) and a body: nil, a string
// sent as is, or a value sent as JSON.
func (h *harness) do(token, method, path string, body any, headers ...string) response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, h.url+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := h.client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, header: resp.Header, raw: raw}
	_ = json.Unmarshal(raw, &r.body)
	return r
}

// want checks status and, for errors, the Graph code.
func (h *harness) want(r response, status int, code string) {
	h.t.Helper()
	if r.status != status || (code != "" && r.errCode() != code) {
		h.t.Fatalf("got %d %s %q, want %d %s\n%s", r.status, r.errCode(), r.errMessage(), status, code, r.raw)
	}
	if status >= 400 && r.body["error"] == nil {
		h.t.Fatalf("error response without the Graph error body: %s", r.raw)
	}
}

// lastAudit returns the newest audit event of the tenant.
func (h *harness) lastAudit(tn *tenant) client.DirectoryAudit {
	h.t.Helper()
	page, err := tn.admin.ListAudit(bg, client.ListOptions{Top: 1})
	if err != nil || len(page.Value) == 0 {
		h.t.Fatalf("audit: %v (%d events)", err, len(page.Value))
	}
	return page.Value[0]
}

// wantAudit checks that the newest audit event has the activity and the
// target id, and was initiated by the tenant's admin.
func (h *harness) wantAudit(tn *tenant, activity, targetID string) client.DirectoryAudit {
	h.t.Helper()
	a := h.lastAudit(tn)
	if a.ActivityDisplayName != activity {
		h.t.Fatalf("last audit activity %q, want %q", a.ActivityDisplayName, activity)
	}
	found := false
	for _, tr := range a.TargetResources {
		found = found || tr.ID == targetID
	}
	if !found {
		h.t.Fatalf("audit %q has no target %s: %+v", activity, targetID, a.TargetResources)
	}
	if a.InitiatedBy.User == nil || a.InitiatedBy.User.ID != tn.adminID {
		h.t.Fatalf("audit %q not initiated by the admin: %+v", activity, a.InitiatedBy)
	}
	return a
}

// auditCount counts the tenant's audit events.
func (h *harness) auditCount(tn *tenant) int {
	h.t.Helper()
	page, err := tn.admin.ListAudit(bg, client.ListOptions{Top: 999})
	if err != nil {
		h.t.Fatal(err)
	}
	all, err := client.All(bg, tn.admin, page, false)
	if err != nil {
		h.t.Fatal(err)
	}
	return len(all)
}

func (h *harness) newUser(tn *tenant, alias string, extra map[string]any) client.User {
	h.t.Helper()
	props := map[string]any{"accountEnabled": true, "displayName": alias, "mailNickname": alias,
		"userPrincipalName": alias + "@" + tn.domain, "passwordProfile": map[string]any{"password": "Strong-Pass-1"}}
	for k, v := range extra {
		props[k] = v
	}
	u, err := tn.admin.CreateUser(bg, props)
	if err != nil {
		h.t.Fatalf("create user %s: %v", alias, err)
	}
	return u
}

// roleUser creates a user holding role in tn and returns its id and token.
func (h *harness) roleUser(tn *tenant, alias string, role authz.Role) (string, string) {
	h.t.Helper()
	u := h.newUser(tn, alias, nil)
	op := authz.WithPrincipal(bg, authz.Operator)
	if role.Key == authz.ServiceAdmin.Key { // the seed's prerequisite: a workload admin role first, dropped after
		if _, err := h.app.Directory.AssignRole(op, tn.id, u.ID, authz.SkypeAdmin.TemplateID); err != nil {
			h.t.Fatal(err)
		}
		defer func() {
			if _, err := h.app.Directory.RemoveRoleMember(op, tn.id, authz.SkypeAdmin.TemplateID, u.ID); err != nil {
				h.t.Fatal(err)
			}
		}()
	}
	if _, err := h.app.Directory.AssignRole(op, tn.id, u.ID, role.TemplateID); err != nil {
		h.t.Fatalf("assign %s: %v", role.Key, err)
	}
	return u.ID, h.token(tn.id, u.ID)
}

func clientOpts(filter string) client.ListOptions { return client.ListOptions{Filter: filter} }

// wantAuditBy checks that the tenant's audit log has an event with the
// activity and target (initiated by anyone).
func (h *harness) wantAuditBy(tn *tenant, activity, targetID string) {
	h.t.Helper()
	page, err := tn.admin.ListAudit(bg, client.ListOptions{Filter: "activityDisplayName eq '" + activity + "'"})
	if err != nil || len(page.Value) == 0 || page.Value[0].TargetResources[0].ID != targetID {
		h.t.Fatalf("no %q audit for %s: %+v, %v", activity, targetID, page.Value, err)
	}
}

// provision runs the provisioning job once, with the no-op connector.
func (h *harness) provision() {
	h.t.Helper()
	jobs.Provision(bg, h.app.Directory, jobs.Connectors{}, slog.New(slog.NewTextHandler(io.Discard, nil)))
}
