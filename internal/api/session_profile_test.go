package api_test

import (
	"fmt"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestSessionProfile checks what a session tells the admin center about its
// user: organization name, language (the user's, else the organization's),
// roles and the permissions they carry.
func TestSessionProfile(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	br := newBrowser(h)
	r := br.signIn("member@"+a.domain, "Member-Pass-1")
	h.want(r, 200, "")
	if r.body["preferredLanguage"] != "" || fmt.Sprint(r.body["roles"]) != "[]" || fmt.Sprint(r.body["permissions"]) != "[org.read]" {
		t.Errorf("member session: %s", r.raw)
	}
	if name, _ := r.body["tenantName"].(string); name == "" {
		t.Errorf("no tenantName: %s", r.raw)
	}

	h.want(h.do(a.adminTok, "PATCH", "/v1.0/organization/"+a.id, map[string]any{"preferredLanguage": "nl-NL", "displayName": "Alfa BV"}), 204, "")
	s := br.do("GET", "/api/session", nil)
	if s.body["preferredLanguage"] != "nl-NL" || s.body["tenantName"] != "Alfa BV" {
		t.Errorf("organization language and name: %s", s.raw)
	}
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/users/"+a.memberID, map[string]any{"preferredLanguage": "en-GB"}), 204, "")
	if s = br.do("GET", "/api/session", nil); s.body["preferredLanguage"] != "en-GB" {
		t.Errorf("the user's own language wins: %s", s.raw)
	}

	// A User management admin holds the column of the seed's table.
	_, tok := h.roleUser(a, "useradmin", authz.UserAdmin)
	s = h.do(tok, "GET", "/api/session", nil)
	want := "[org.read tickets.manage passwords.reset userviews.manage users.write licenses.manage licenses.read health.read]"
	if fmt.Sprint(s.body["permissions"]) != want {
		t.Errorf("user admin permissions: %v, want %s", s.body["permissions"], want)
	}
	roles, _ := s.body["roles"].([]any)
	if len(roles) != 1 || roles[0].(map[string]any)["templateId"] != authz.UserAdmin.TemplateID {
		t.Errorf("user admin roles: %s", s.raw)
	}
}

// TestPermissionMatrixEndpoint checks GET /api/permissions against the
// seed's table for two columns written out here.
func TestPermissionMatrixEndpoint(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	h.want(h.do("", "GET", "/api/permissions", nil), 401, "InvalidAuthenticationToken")
	r := h.do(a.memberTok, "GET", "/api/permissions", nil)
	h.want(r, 200, "")
	perms := fmt.Sprint(r.body["permissions"])
	if perms != "[org.read tickets.manage passwords.reset billing.manage userviews.manage users.write licenses.manage licenses.read domains.manage org.manage health.read roles.delegate dirsync.manage reports.manage devices.manage]" {
		t.Errorf("permissions: %s", perms)
	}
	want := map[string]string{
		"Billing Administrator":    "Y Y N Y N N N N N N Y N N N N",
		"SharePoint Administrator": "R Y N N Y N N Y N N Y N N Y N",
	}
	roles := r.body["roles"].([]any)
	if len(roles) != 8 {
		t.Fatalf("%d roles", len(roles))
	}
	for _, x := range roles {
		role := x.(map[string]any)
		col, ok := want[role["displayName"].(string)]
		if !ok {
			continue
		}
		got := ""
		for i, p := range r.body["permissions"].([]any) {
			if i > 0 {
				got += " "
			}
			got += role["cells"].(map[string]any)[p.(string)].(string)
		}
		if got != col {
			t.Errorf("%s: %s, want %s", role["displayName"], got, col)
		}
		delete(want, role["displayName"].(string))
	}
	if len(want) != 0 {
		t.Errorf("roles missing: %v", want)
	}
}

// TestPermissionMatrixDutch checks that the matrix's labels follow the
// caller's language.
func TestPermissionMatrixDutch(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	r := h.do(a.memberTok, "GET", "/api/permissions", nil, "Accept-Language", "nl-NL")
	found := false
	for _, x := range r.body["roles"].([]any) {
		role := x.(map[string]any)
		if role["templateId"] == authz.GlobalAdmin.TemplateID {
			found = role["label"] == "Hoofdbeheerder" && role["displayName"] == "Global Administrator"
		}
	}
	if !found {
		t.Errorf("Dutch matrix: %s", r.raw)
	}
}
