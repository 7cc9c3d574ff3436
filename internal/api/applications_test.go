package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
)

func TestApplications(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	body := map[string]any{"displayName": " Payroll ", "web": map[string]any{"redirectUris": []string{"https://payroll.example/callback"}},
		"spa": map[string]any{"redirectUris": []string{"http://localhost:5173/"}}, "signInAudience": "AzureADMyOrg"}
	h.want(h.do(a.memberTok, "POST", "/v1.0/applications", body), 403, "Authorization_RequestDenied")
	r := h.do(a.adminTok, "POST", "/v1.0/applications", body)
	h.want(r, 201, "")
	id, appID := r.body["id"].(string), r.body["appId"].(string)
	if r.body["displayName"] != "Payroll" || id == appID || r.header.Get("Location") == "" ||
		r.body["web"].(map[string]any)["redirectUris"].([]any)[0] != "https://payroll.example/callback" ||
		len(r.body["publicClient"].(map[string]any)["redirectUris"].([]any)) != 0 {
		t.Fatalf("created application: %s", r.raw)
	}
	h.wantAudit(a, "Add application", id)

	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"no name":         {map[string]any{"web": map[string]any{"redirectUris": []string{}}}, "displayName"},
		"blank name":      {map[string]any{"displayName": "  "}, "displayName"},
		"http web":        {map[string]any{"displayName": "x", "web": map[string]any{"redirectUris": []string{"http://payroll.example/cb"}}}, "web.redirectUris"},
		"fragment":        {map[string]any{"displayName": "x", "spa": map[string]any{"redirectUris": []string{"https://a.example/#cb"}}}, "spa.redirectUris"},
		"wildcard":        {map[string]any{"displayName": "x", "web": map[string]any{"redirectUris": []string{"https://*.a.example/cb"}}}, "web.redirectUris"},
		"relative":        {map[string]any{"displayName": "x", "web": map[string]any{"redirectUris": []string{"/cb"}}}, "web.redirectUris"},
		"javascript":      {map[string]any{"displayName": "x", "publicClient": map[string]any{"redirectUris": []string{"javascript:alert(1)"}}}, "publicClient.redirectUris"},
		"duplicate":       {map[string]any{"displayName": "x", "web": map[string]any{"redirectUris": []string{"https://a.example/", "https://a.example/"}}}, "web.redirectUris"},
		"too long":        {map[string]any{"displayName": "x", "web": map[string]any{"redirectUris": []string{"https://a.example/" + strings.Repeat("a", 250)}}}, "web.redirectUris"},
		"unknown in web":  {map[string]any{"displayName": "x", "web": map[string]any{"homePageUrl": "https://a.example"}}, "web"},
		"other audience":  {map[string]any{"displayName": "x", "signInAudience": "AzureADMultipleOrgs"}, "signInAudience"},
		"read-only appId": {map[string]any{"displayName": "x", "appId": appID}, "appId"},
		"secrets inline":  {map[string]any{"displayName": "x", "passwordCredentials": []any{}}, "passwordCredentials"},
		"unknown":         {map[string]any{"displayName": "x", "identifierUris": []string{"api://x"}}, "identifierUris"},
	} {
		r := h.do(a.adminTok, "POST", "/v1.0/applications", c.body)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d target %q, want 400 %q: %s", name, r.status, r.errTarget(), c.target, r.errMessage())
		}
	}
	var many []string
	for i := range 257 {
		many = append(many, "https://a.example/cb"+strings.Repeat("x", i%3)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	h.want(h.do(a.adminTok, "POST", "/v1.0/applications", map[string]any{"displayName": "x", "web": map[string]any{"redirectUris": many}}), 400, "Request_BadRequest")

	// A public client may use its own scheme; PATCH changes only what it names.
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/applications/"+id, map[string]any{"isFallbackPublicClient": true,
		"publicClient": map[string]any{"redirectUris": []string{"com.example.payroll://auth", "http://127.0.0.1:8400/"}}}), 204, "")
	h.wantAudit(a, "Update application", id)
	got := h.do(a.adminTok, "GET", "/v1.0/applications/"+appID, nil) // by client id too
	h.want(got, 200, "")
	if got.body["id"] != id || got.body["isFallbackPublicClient"] != true || got.body["displayName"] != "Payroll" ||
		len(got.body["web"].(map[string]any)["redirectUris"].([]any)) != 1 || len(got.body["publicClient"].(map[string]any)["redirectUris"].([]any)) != 2 {
		t.Fatalf("after PATCH: %s", got.raw)
	}

	// A secret is shown once; afterwards only its hint.
	r = h.do(a.adminTok, "POST", "/v1.0/applications/"+id+"/addPassword", map[string]any{"passwordCredential": map[string]any{"displayName": "ci"}})
	h.want(r, 200, "")
	secret, keyID := r.body["secretText"].(string), r.body["keyId"].(string)
	end, _ := time.Parse(time.RFC3339, r.body["endDateTime"].(string))
	if len(secret) != 40 || r.body["hint"] != secret[:3] || r.header.Get("Cache-Control") != "no-store" ||
		time.Until(end) < 729*24*time.Hour || time.Until(end) > 731*24*time.Hour {
		t.Fatalf("addPassword: %s", r.raw)
	}
	h.wantAudit(a, "Update application – Certificates and secrets management", id)
	for _, path := range []string{"/v1.0/applications/" + id, "/v1.0/applications", "/v1.0/auditLogs/directoryAudits?$top=999"} {
		r := h.do(a.adminTok, "GET", path, nil)
		if r.status != 200 || strings.Contains(string(r.raw), secret) || !strings.Contains(string(r.raw), keyID) {
			t.Errorf("GET %s: %d, shows the secret or lacks its keyId: %s", path, r.status, r.raw)
		}
	}
	stored, err := h.app.Directory.GetApplication(authz.WithPrincipal(bg, authz.Operator), a.id, id)
	if err != nil || len(stored.Secrets) != 1 || len(stored.Secrets[0].Hash) != 64 || strings.Contains(stored.Secrets[0].Hash, secret) {
		t.Fatalf("the store keeps %+v, want only a hash of the secret (%v)", stored.Secrets, err)
	}
	other := h.do(a.adminTok, "POST", "/v1.0/applications/"+id+"/addPassword", map[string]any{"passwordCredential": map[string]any{}})
	h.want(other, 200, "")
	if other.body["secretText"] == secret {
		t.Fatal("two secrets with the same value")
	}
	past, tooLate := time.Now().Add(-time.Hour), time.Now().Add(3*365*24*time.Hour)
	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"past end":      {map[string]any{"passwordCredential": map[string]any{"endDateTime": past}}, "endDateTime"},
		"three years":   {map[string]any{"passwordCredential": map[string]any{"endDateTime": tooLate}}, "endDateTime"},
		"chosen secret": {map[string]any{"passwordCredential": map[string]any{"secretText": "mine"}}, "passwordCredential.secretText"},
		"missing":       {map[string]any{}, "passwordCredential"},
		"unknown":       {map[string]any{"passwordCredential": map[string]any{"customKeyIdentifier": "x"}}, "passwordCredential"},
	} {
		r := h.do(a.adminTok, "POST", "/v1.0/applications/"+id+"/addPassword", c.body)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("addPassword %s: %d target %q, want 400 %q: %s", name, r.status, r.errTarget(), c.target, r.errMessage())
		}
	}
	for range 3 {
		h.want(h.do(a.adminTok, "POST", "/v1.0/applications/"+id+"/addPassword", map[string]any{"passwordCredential": map[string]any{}}), 200, "")
	}
	r = h.do(a.adminTok, "POST", "/v1.0/applications/"+id+"/addPassword", map[string]any{"passwordCredential": map[string]any{}})
	if r.status != 400 || !strings.Contains(r.errMessage(), "at most 5") {
		t.Fatalf("sixth secret: %d %s", r.status, r.raw)
	}
	h.want(h.do(a.adminTok, "POST", "/v1.0/applications/"+id+"/removePassword", map[string]any{"keyId": keyID}), 204, "")
	h.want(h.do(a.adminTok, "POST", "/v1.0/applications/"+id+"/removePassword", map[string]any{"keyId": keyID}), 400, "Request_BadRequest")
	if n := len(h.do(a.adminTok, "GET", "/v1.0/applications/"+id, nil).body["passwordCredentials"].([]any)); n != 4 {
		t.Fatalf("%d secrets left, want 4", n)
	}

	// A User Administrator sees it but can't change it.
	_, uaTok := h.roleUser(a, "useradmin", authz.UserAdmin)
	h.want(h.do(uaTok, "GET", "/v1.0/applications/"+id, nil), 200, "")
	h.want(h.do(uaTok, "PATCH", "/v1.0/applications/"+id, map[string]any{"displayName": "x"}), 403, "Authorization_RequestDenied")
	h.want(h.do(uaTok, "POST", "/v1.0/applications/"+id+"/addPassword", map[string]any{"passwordCredential": map[string]any{}}), 403, "Authorization_RequestDenied")

	// Another tenant neither sees nor touches it.
	before := h.auditCount(a)
	for _, c := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/v1.0/applications/" + id, nil},
		{"GET", "/v1.0/applications/" + appID, nil},
		{"PATCH", "/v1.0/applications/" + id, map[string]any{"displayName": "x"}},
		{"POST", "/v1.0/applications/" + id + "/addPassword", map[string]any{"passwordCredential": map[string]any{}}},
		{"POST", "/v1.0/applications/" + id + "/removePassword", map[string]any{"keyId": keyID}},
		{"DELETE", "/v1.0/applications/" + id, nil},
	} {
		h.want(h.do(b.adminTok, c.method, c.path, c.body), 404, "Request_ResourceNotFound")
	}
	if l := h.do(b.adminTok, "GET", "/v1.0/applications", nil); l.status != 200 || strings.Contains(string(l.raw), id) {
		t.Fatalf("tenant B's list: %s", l.raw)
	}
	if after := h.auditCount(a); after != before {
		t.Fatalf("tenant B's calls wrote %d audit events in A", after-before)
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/applications/not-a-guid", nil), 404, "Request_ResourceNotFound")

	h.want(h.do(a.adminTok, "DELETE", "/v1.0/applications/"+id, nil), 204, "")
	h.wantAudit(a, "Delete application", id)
	h.want(h.do(a.adminTok, "GET", "/v1.0/applications/"+id, nil), 404, "Request_ResourceNotFound")

	// The SDK speaks the same shapes.
	made, err := a.admin.CreateApplication(bg, client.Application{DisplayName: "CLI tool", PublicClient: &client.RedirectURIs{RedirectURIs: []string{"http://localhost"}}})
	if err != nil || made.AppID == "" {
		t.Fatalf("SDK create: %+v %v", made, err)
	}
	cred, err := a.admin.AddApplicationPassword(bg, made.ID, "deploy", nil)
	if err != nil || cred.SecretText == nil || len(*cred.SecretText) != 40 {
		t.Fatalf("SDK addPassword: %+v %v", cred, err)
	}
	if err := a.admin.RemoveApplicationPassword(bg, made.AppID, cred.KeyID); err != nil {
		t.Fatal(err)
	}
	if apps, err := a.admin.ListApplications(bg); err != nil || len(apps) != 1 || len(apps[0].PasswordCredentials) != 0 {
		t.Fatalf("SDK list: %+v %v", apps, err)
	}
}
