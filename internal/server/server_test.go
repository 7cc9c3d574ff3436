package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/server"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

var bg = context.Background()

func config(store sqlstore.Config, publicURL string) server.Config {
	return server.Config{Listen: "127.0.0.1:0", PublicURL: publicURL, Store: store, PlatformDomain: "atrium.test",
		StrictAdvancedQueries: true, Password: password.Params{Memory: 1024, Time: 1, Threads: 1},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// replica starts one server on store and returns a client for it with an
// admin token of the tenant (created when tenantID is empty).
func replica(t *testing.T, store sqlstore.Config, publicURL string) *server.App {
	t.Helper()
	app, err := server.Open(bg, config(store, publicURL))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	return app
}

func createTenant(t *testing.T, app *server.App) directory.CreatedTenant {
	t.Helper()
	ct, err := app.Directory.CreateTenant(authz.WithPrincipal(bg, authz.Operator), directory.NewTenant{Name: "Org",
		DomainPrefix: "org", AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	return ct
}

// TestTwoReplicasOnePostgres runs two servers on one PostgreSQL database:
// what one writes, the other reads at once, and tokens of one verify on the
// other.
func TestTwoReplicasOnePostgres(t *testing.T) {
	store := sqlstore.Config{DatabaseURL: testdb.PostgresURL(t)}
	const public = "http://atrium.test"
	a, b := replica(t, store, public), replica(t, store, public)
	ct := createTenant(t, a)
	srvA, srvB := httptest.NewServer(a.Handler()), httptest.NewServer(b.Handler())
	defer srvA.Close()
	defer srvB.Close()
	tok, err := a.Tokens.Mint(bg, ct.TenantID, ct.AdminID, time.Hour, "test")
	if err != nil {
		t.Fatal(err)
	}
	ca, cb := client.New(srvA.URL, tok), client.New(srvB.URL, tok)
	u, err := ca.CreateUser(bg, map[string]any{"accountEnabled": true, "displayName": "Replicated", "mailNickname": "r",
		"userPrincipalName": "r@" + ct.InitialDomain, "passwordProfile": map[string]any{"password": "Strong-Pass-1"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := cb.GetUser(bg, u.ID)
	if err != nil || *got.DisplayName != "Replicated" {
		t.Fatalf("replica B reads %+v, %v", got, err)
	}
	if err := cb.UpdateUser(bg, u.ID, map[string]any{"jobTitle": "Planner"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := ca.GetUser(bg, u.ID, "jobTitle"); got.JobTitle == nil || *got.JobTitle != "Planner" {
		t.Fatal("replica A does not see replica B's write")
	}
	// Paging tokens from one replica work on the other.
	for i := 0; i < 3; i++ {
		if _, err := ca.CreateUser(bg, map[string]any{"accountEnabled": true, "displayName": "P", "mailNickname": "p",
			"userPrincipalName": "p" + string(rune('a'+i)) + "@" + ct.InitialDomain, "passwordProfile": map[string]any{"password": "Strong-Pass-1"}}); err != nil {
			t.Fatal(err)
		}
	}
	page, err := ca.ListUsers(bg, client.ListOptions{Top: 2})
	if err != nil || page.NextLink == "" {
		t.Fatalf("page: %v", err)
	}
	next := srvB.URL + page.NextLink[len(public):]
	rest, err := client.Next[client.User](bg, cb, next, false)
	if err != nil || len(rest.Value) != 2 {
		t.Fatalf("next page on replica B: %d, %v", len(rest.Value), err)
	}
}

// TestDataSurvivesRestart closes and reopens an SQLite data directory.
func TestDataSurvivesRestart(t *testing.T) {
	store := sqlstore.Config{DataDir: t.TempDir()}
	first, err := server.Open(bg, config(store, "http://atrium.test"))
	if err != nil {
		t.Fatal(err)
	}
	ct := createTenant(t, first)
	first.Close()
	second := replica(t, store, "http://atrium.test")
	id, err := second.Directory.ResolveTenant(bg, ct.InitialDomain)
	if err != nil || id != ct.TenantID {
		t.Fatalf("after restart: %q, %v", id, err)
	}
	if _, err := second.Tokens.Mint(bg, ct.TenantID, ct.AdminID, time.Minute, "test"); err != nil {
		t.Fatalf("signing key lost: %v", err)
	}
}

func TestConfigValidate(t *testing.T) {
	dir := t.TempDir()
	secret, short := filepath.Join(dir, "secret"), filepath.Join(dir, "short")
	if os.WriteFile(secret, []byte("0123456789abcdef\n"), 0o600) != nil || os.WriteFile(short, []byte("0123"), 0o600) != nil {
		t.Fatal("write secrets")
	}
	bad := []server.Config{
		{Listen: "nope", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b"},
		{Listen: ":8080", Store: sqlstore.Config{}, PlatformDomain: "a.b"},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "localhost"},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", PublicURL: "ftp://x"},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", DNSResolver: "1.1.1.1"},
		{Listen: ":8080", Store: sqlstore.Config{DatabaseURL: "postgres://x@y/z"}, PlatformDomain: "a.b"}, // replicas need --public-url
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", CatalogFile: "no-such-catalog.json"},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", ProvisioningWebhook: "https://hooks.example/p"}, // no secret
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", ProvisioningWebhook: "https://hooks.example/p", ProvisioningSecretFile: short},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", ProvisioningWebhook: "ftp://hooks.example/p", ProvisioningSecretFile: secret},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", ProvisioningWebhook: "Mail=https://a.example,=https://b.example", ProvisioningSecretFile: secret},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", PartnerAzureAccess: "dap"},
		{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "a.b", AutopilotPolicy: "strict"},
	}
	for i, c := range bad {
		if err := c.Validate(); err == nil {
			t.Errorf("config %d accepted: %+v", i, c)
		}
	}
	good := server.Config{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "atrium.localhost"}
	if err := good.Validate(); err != nil || good.PublicURL != "http://localhost:8080" {
		t.Errorf("good config: %v, public URL %q", err, good.PublicURL)
	}
	if good.PartnerAzureAccess != "resellerRelationship" || good.AutopilotPolicy != "current" {
		t.Errorf("partner defaults: %q, %q", good.PartnerAzureAccess, good.AutopilotPolicy)
	}
	modern := server.Config{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "atrium.localhost",
		PartnerAzureAccess: "delegatedAdmin", AutopilotPolicy: "announced"}
	if err := modern.Validate(); err != nil {
		t.Errorf("delegatedAdmin, announced: %v", err)
	}
	hooks := server.Config{Listen: ":8080", Store: sqlstore.Config{DataDir: "x"}, PlatformDomain: "atrium.localhost",
		ProvisioningWebhook: "Mail=https://mail.example/p, Files=http://files.example/p", ProvisioningSecretFile: secret}
	if err := hooks.Validate(); err != nil || len(hooks.Provisioning.ByWorkload) != 2 || hooks.Provisioning.Default != nil {
		t.Errorf("webhooks per workload: %v %+v", err, hooks.Provisioning)
	}
}
