package api_test

import (
	"context"
	"testing"

	"golang.org/x/oauth2/clientcredentials"
)

// appCredentials registers an app with the given application permissions
// and a secret, and returns its client credentials configuration.
func appCredentials(h *harness, tn *tenant, name string, perms ...string) (clientcredentials.Config, string) {
	h.t.Helper()
	app := h.do(tn.adminTok, "POST", "/v1.0/applications", map[string]any{"displayName": name, "appPermissions": perms})
	h.want(app, 201, "")
	id := app.body["id"].(string)
	sec := h.do(tn.adminTok, "POST", "/v1.0/applications/"+id+"/addPassword", map[string]any{"passwordCredential": map[string]any{}})
	h.want(sec, 200, "")
	return clientcredentials.Config{ClientID: app.body["appId"].(string), ClientSecret: sec.body["secretText"].(string),
		TokenURL: h.url + "/" + tn.id + "/oauth2/v2.0/token", Scopes: []string{"https://graph.microsoft.com/.default"}}, id
}

// TestClientCredentials: an app gets a token for itself (x/oauth2's
// clientcredentials, as daemons use), and the API lets it do what its
// application permissions allow, with the limits apps have.
func TestClientCredentials(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	ctx := context.Background()

	reader, _ := appCredentials(h, a, "Reporting", "User.Read.All")
	tok, err := reader.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c, err := h.app.Tokens.Verify(ctx, tok.AccessToken)
	if err != nil || c.IDType != "app" || len(c.Roles) != 1 || c.Roles[0] != "User.Read.All" || c.UPN != "" || c.TenantID != a.id {
		t.Fatalf("app token claims: %+v %v", c, err)
	}
	h.want(h.do(tok.AccessToken, "GET", "/v1.0/users", nil), 200, "")
	// Paths merely starting like /me (members, memberOf) are not /me.
	h.want(h.do(tok.AccessToken, "GET", "/v1.0/users/"+a.memberID+"/memberOf", nil), 200, "")
	h.want(h.do(tok.AccessToken, "POST", "/v1.0/users", map[string]any{"displayName": "X"}), 403, "Authorization_RequestDenied")
	h.want(h.do(tok.AccessToken, "GET", "/v1.0/auditLogs/directoryAudits", nil), 403, "Authorization_RequestDenied")
	r := h.do(tok.AccessToken, "GET", "/v1.0/me", nil)
	if r.status != 400 || r.errMessage() != "/me request is only valid with delegated authentication flow." {
		t.Fatalf("/me as an app: %d %s", r.status, r.raw)
	}
	h.want(h.do(tok.AccessToken, "GET", "/v1.0/users/"+b.memberID, nil), 404, "Request_ResourceNotFound")

	writer, writerID := appCredentials(h, a, "Provisioning", "User.ReadWrite.All", "AuditLog.Read.All")
	wtok, err := writer.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	created := h.do(wtok.AccessToken, "POST", "/v1.0/users", map[string]any{"accountEnabled": true, "displayName": "Provisioned",
		"mailNickname": "prov", "userPrincipalName": "prov@" + a.domain, "passwordProfile": map[string]any{"password": "Prov-Pass-123"}})
	h.want(created, 201, "")
	audit := h.lastAudit(a)
	if audit.ActivityDisplayName != "Add user" || audit.InitiatedBy.App == nil || audit.InitiatedBy.App.DisplayName != "Provisioning" {
		t.Fatalf("audit of the app's change: %+v", audit)
	}
	// Like a User management admin, an app can't block an admin.
	h.want(h.do(wtok.AccessToken, "PATCH", "/v1.0/users/"+a.adminID, map[string]any{"accountEnabled": false}), 403, "Authorization_RequestDenied")
	h.want(h.do(wtok.AccessToken, "PATCH", "/v1.0/users/"+a.memberID, map[string]any{"jobTitle": "Planner"}), 204, "")
	h.want(h.do(wtok.AccessToken, "GET", "/v1.0/auditLogs/directoryAudits", nil), 200, "")

	// Refusals at the token endpoint.
	bad := reader
	bad.ClientSecret = "wrong"
	if _, err := bad.Token(ctx); !isOAuthError(err, "invalid_client") {
		t.Fatalf("a wrong secret: %v", err)
	}
	other := reader
	other.Scopes = []string{"openid"}
	if _, err := other.Token(ctx); !isOAuthError(err, "invalid_scope") {
		t.Fatalf("a scope other than .default: %v", err)
	}
	elsewhere := reader
	elsewhere.TokenURL = h.url + "/" + b.id + "/oauth2/v2.0/token"
	if _, err := elsewhere.Token(ctx); !isOAuthError(err, "invalid_client") {
		t.Fatalf("the app at another tenant's token endpoint: %v", err)
	}

	// Taking a permission away, or deleting the app, acts at once.
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/applications/"+writerID, map[string]any{"appPermissions": []string{"User.Read.All"}}), 204, "")
	h.want(h.do(wtok.AccessToken, "PATCH", "/v1.0/users/"+a.memberID, map[string]any{"jobTitle": "Lead"}), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/applications/"+writerID, nil), 204, "")
	h.want(h.do(wtok.AccessToken, "GET", "/v1.0/users", nil), 401, "InvalidAuthenticationToken")

	// Unknown permissions are refused when the app is registered.
	r = h.do(a.adminTok, "POST", "/v1.0/applications", map[string]any{"displayName": "X", "appPermissions": []string{"Mail.Send"}})
	if r.status != 400 || r.errTarget() != "appPermissions" {
		t.Fatalf("unknown permission: %d %s", r.status, r.raw)
	}
}
