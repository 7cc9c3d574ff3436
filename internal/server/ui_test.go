package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/sqlstore"
)

// TestUIMount checks that the admin center gets every path the API, the
// health check and the tenant endpoints leave, and only those.
func TestUIMount(t *testing.T) {
	app := replica(t, sqlstore.Config{DataDir: t.TempDir()}, "http://atrium.test")
	ct := createTenant(t, app)
	srv := httptest.NewServer(app.Handler())
	defer srv.Close()
	for _, tc := range []struct {
		path, contentType string
		status            int
		ui                bool
	}{
		{"/", "text/html", 200, true},
		{"/admin/users", "text/html", 200, true},
		{"/myaccount", "text/html", 200, true},
		{"/v1.0/me", "application/json", 401, false},
		{"/v1.0/nothing", "application/json", 404, false},
		{"/api/session", "application/json", 401, false},
		{"/healthz", "text/plain", 200, false},
		{"/" + ct.TenantID + "/discovery/v2.0/keys", "application/json", 200, false},
		{"/" + ct.TenantID + "/v2.0/.well-known/openid-configuration", "application/json", 200, false},
	} {
		res, err := http.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		if res.StatusCode != tc.status || !strings.HasPrefix(res.Header.Get("Content-Type"), tc.contentType) || (csp != "") != tc.ui {
			t.Errorf("GET %s: %d %q CSP %q, want %d %s (UI %v)\n%s", tc.path, res.StatusCode, res.Header.Get("Content-Type"), csp,
				tc.status, tc.contentType, tc.ui, body)
		}
	}
}
