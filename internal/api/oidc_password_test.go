package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authn"
)

// passwordGrant posts a resource-owner password grant and returns the
// status and body.
func passwordGrant(t *testing.T, h *harness, tn *tenant, form url.Values) (int, map[string]any) {
	t.Helper()
	form.Set("grant_type", "password")
	resp, err := http.PostForm(h.url+"/"+tn.id+"/oauth2/v2.0/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body
}

// TestPasswordGrant: the resource-owner password grant works for the CLI's
// client and apps that allow public client flows, never for a user who
// needs a second factor, and says the same for every bad credential.
func TestPasswordGrant(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	status, body := passwordGrant(t, h, a, url.Values{"client_id": {authn.CLIClientID}, "username": {"member@" + a.domain},
		"password": {"Member-Pass-1"}, "scope": {"openid profile offline_access"}})
	if status != 200 || body["access_token"] == nil || body["id_token"] == nil || body["refresh_token"] == nil {
		t.Fatalf("password grant: %d %v", status, body)
	}
	me := h.do(body["access_token"].(string), "GET", "/v1.0/me", nil)
	h.want(me, 200, "")

	bad := func(user, pw string) string {
		status, body := passwordGrant(t, h, a, url.Values{"client_id": {authn.CLIClientID}, "username": {user}, "password": {pw}})
		if status != 400 || body["error"] != "invalid_grant" {
			t.Fatalf("%s: %d %v", user, status, body)
		}
		return body["error_description"].(string)
	}
	wrong, unknown := bad("member@"+a.domain, "Wrong-Pass-1"), bad("nobody@"+a.domain, "Wrong-Pass-1")
	if wrong != unknown || !strings.HasPrefix(wrong, "AADSTS50126") {
		t.Fatalf("wrong password %q vs unknown user %q", wrong, unknown)
	}
	// An admin under security defaults needs a second factor: refused.
	if d := bad("admin@"+a.domain, "Admin-Pass-1"); !strings.HasPrefix(d, "AADSTS50076") {
		t.Fatalf("admin without MFA: %s", d)
	}
	// A confidential app, or one that doesn't allow public client flows, may not.
	app := h.do(a.adminTok, "POST", "/v1.0/applications", map[string]any{"displayName": "Web"})
	status, body = passwordGrant(t, h, a, url.Values{"client_id": {app.body["appId"].(string)}, "username": {"member@" + a.domain}, "password": {"Member-Pass-1"}})
	if status != 400 || body["error"] != "unauthorized_client" {
		t.Fatalf("an app without public client flows: %d %v", status, body)
	}
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/applications/"+app.body["id"].(string), map[string]any{"isFallbackPublicClient": true}), 204, "")
	status, _ = passwordGrant(t, h, a, url.Values{"client_id": {app.body["appId"].(string)}, "username": {"member@" + a.domain}, "password": {"Member-Pass-1"}})
	if status != 200 {
		t.Fatalf("an app that allows public client flows: %d", status)
	}
	status, body = passwordGrant(t, h, a, url.Values{"client_id": {"no-such-app"}, "username": {"member@" + a.domain}, "password": {"Member-Pass-1"}})
	if status != 401 || body["error"] != "invalid_client" {
		t.Fatalf("unknown client: %d %v", status, body)
	}
	// Every attempt is in the sign-in log.
	log := h.do(a.adminTok, "GET", "/v1.0/auditLogs/signIns?$top=999", nil)
	if !strings.Contains(string(log.raw), "Atrium CLI") || !strings.Contains(string(log.raw), "50126") {
		t.Fatalf("sign-in log: %s", log.raw)
	}
}
