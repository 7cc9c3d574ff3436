package api_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
)

func TestOrganization(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	org, err := a.member.GetOrganization(bg)
	if err != nil || org.ID != a.id || org.DisplayName != "Org alpha" || len(org.VerifiedDomains) != 1 || !org.VerifiedDomains[0].IsInitial {
		t.Fatalf("organization: %+v, %v", org, err)
	}
	path := "/v1.0/organization/" + a.id
	patch := map[string]any{"street": "Damrak 1", "city": "Amsterdam", "postalCode": "1012 LG", "countryLetterCode": "NL",
		"defaultUsageLocation": "NL", "preferredLanguage": "nl-NL", "technicalNotificationMails": []string{"it@contoso.example"}}
	h.want(h.do("", "PATCH", path, patch), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "PATCH", path, patch), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "PATCH", path, patch), 404, "Request_ResourceNotFound")
	h.want(h.do(b.adminTok, "GET", path, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "PATCH", path, patch), 204, "")
	h.wantAudit(a, "Set company information", a.id)
	r := h.do(a.adminTok, "GET", path, nil)
	h.want(r, 200, "")
	if r.body["city"] != "Amsterdam" || r.body["defaultUsageLocation"] != "NL" || r.body["tenantType"] != "AAD" {
		t.Errorf("organization after PATCH: %s", r.raw)
	}
	for name, body := range map[string]map[string]any{
		"bad country":   {"countryLetterCode": "Netherlands"},
		"empty name":    {"displayName": ""},
		"read-only id":  {"id": a.id},
		"bad mail":      {"technicalNotificationMails": []string{"nope"}},
		"unknown field": {"colour": "blue"},
	} {
		if r := h.do(a.adminTok, "PATCH", path, body); r.status != 400 {
			t.Errorf("%s: %d %s", name, r.status, r.raw)
		}
	}
}

func TestAuditLog(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	u := h.newUser(a, "joep", nil)
	if err := a.admin.UpdateUser(bg, u.ID, map[string]any{"jobTitle": "Planner"}); err != nil {
		t.Fatal(err)
	}
	h.want(h.do("", "GET", "/v1.0/auditLogs/directoryAudits", nil), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "GET", "/v1.0/auditLogs/directoryAudits", nil), 403, "Authorization_RequestDenied")

	// Newest first; B sees none of A's events.
	page, err := a.admin.ListAudit(bg, client.ListOptions{Top: 2})
	if err != nil || len(page.Value) != 2 || page.NextLink == "" || page.Value[0].ActivityDisplayName != "Update user" {
		t.Fatalf("audit page: %+v, %v", page, err)
	}
	all, err := client.All(bg, a.admin, page, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(all); i++ {
		if all[i].ActivityDateTime.After(all[i-1].ActivityDateTime) {
			t.Fatal("audit not newest first")
		}
	}
	bAll, _ := b.admin.ListAudit(bg, client.ListOptions{Top: 999})
	for _, e := range bAll.Value {
		for _, tr := range e.TargetResources {
			if tr.ID == u.ID || tr.ID == a.id {
				t.Fatal("tenant B sees tenant A's audit events")
			}
		}
	}
	filter := func(f string) []client.DirectoryAudit {
		t.Helper()
		p, err := a.admin.ListAudit(bg, client.ListOptions{Filter: f})
		if err != nil {
			t.Fatalf("filter %q: %v", f, err)
		}
		return p.Value
	}
	if got := filter("targetResources/any(t:t/id eq '" + u.ID + "')"); len(got) != 2 {
		t.Errorf("by target: %d events", len(got))
	}
	if got := filter("activityDisplayName eq 'Update user'"); len(got) != 1 {
		t.Errorf("by activity: %d events", len(got))
	}
	if got := filter("activityDisplayName eq 'Create company'"); len(got) != 1 || got[0].TargetResources[0].ID != a.id || got[0].InitiatedBy.App == nil {
		t.Errorf("Create company: %+v", got)
	}
	if got := filter("category eq 'UserManagement' and initiatedBy/user/id eq '" + a.adminID + "'"); len(got) != 2 {
		t.Errorf("by category and initiator: %d events", len(got))
	}
	since := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	if got := filter("activityDateTime ge " + since); len(got) != 0 {
		t.Errorf("future window: %d events", len(got))
	}
	r := h.do(a.adminTok, "GET", "/v1.0/auditLogs/directoryAudits?$filter="+url.QueryEscape("result eq"), nil)
	h.want(r, 400, "Request_BadRequest")
	r = h.do(a.adminTok, "GET", "/v1.0/auditLogs/directoryAudits?$filter="+url.QueryEscape("loggedByService eq 'x'"), nil)
	h.want(r, 400, "Request_UnsupportedQuery")
}

func TestSignupAndRoutes(t *testing.T) {
	h := newHarness(t)
	r := h.do("", "POST", "/api/signup", client.SignupRequest{Name: "Fabrikam", DomainPrefix: "fabrikam", AdminUsername: "pat", AdminPassword: "Fabrikam-Pass-1"})
	h.want(r, 201, "")
	if r.body["adminUserPrincipalName"] != "pat@fabrikam.atrium.test" || r.body["initialDomain"] != "fabrikam.atrium.test" {
		t.Fatalf("signup: %s", r.raw)
	}
	h.want(h.do("", "POST", "/api/signup", client.SignupRequest{Name: "Other", DomainPrefix: "FABRIKAM", AdminUsername: "x", AdminPassword: "Fabrikam-Pass-1"}),
		409, "Request_BadRequest")
	h.want(h.do("", "POST", "/api/signup", client.SignupRequest{Name: "Weak", DomainPrefix: "weak", AdminUsername: "x", AdminPassword: "weak"}),
		400, "Request_BadRequest")
	h.want(h.do("", "POST", "/api/signup", map[string]any{"name": "X"}), 400, "Request_BadRequest")
	h.want(h.do("", "POST", "/api/signup", map[string]any{"name": "X", "plan": "gold"}), 400, "Request_BadRequest")
	// The new admin can act with a token.
	tid := r.body["tenantId"].(string)
	admin, err := h.app.Directory.ResolveTenant(bg, "fabrikam.atrium.test")
	if err != nil || admin != tid {
		t.Fatalf("resolve: %v %v", admin, err)
	}
	keys := h.do("", "GET", "/fabrikam.atrium.test/discovery/v2.0/keys", nil)
	if keys.status != 200 || len(keys.body["keys"].([]any)) != 1 {
		t.Errorf("keys: %d %s", keys.status, keys.raw)
	}
	h.want(h.do("", "GET", "/nope.example/discovery/v2.0/keys", nil), 400, "invalid_tenant")

	a := h.newTenant("alpha")
	h.want(h.do(a.adminTok, "PUT", "/v1.0/users", nil), 405, "Request_BadRequest")
	h.want(h.do(a.adminTok, "GET", "/v1.0/nothing/here", nil), 404, "Request_ResourceNotFound")
	r = h.do(a.adminTok, "GET", "/v1.0/users", nil, "client-request-id", "abc-123")
	if r.header.Get("request-id") == "" || r.header.Get("client-request-id") != "abc-123" {
		t.Errorf("request ids: %v", r.header)
	}
}
