package api_test

import (
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestAdminWarningsLocalized checks the admin warnings in both languages,
// in the warnings list (with codes) and in a role change's Warning headers.
func TestAdminWarningsLocalized(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	u := h.newUser(a, "newadmin", nil)
	body := map[string]any{"principalId": u.ID, "roleDefinitionId": authz.UserAdmin.TemplateID, "directoryScopeId": "/"}
	r := h.do(a.adminTok, "POST", "/v1.0/roleManagement/directory/roleAssignments", body, "Accept-Language", "nl-NL,nl;q=0.9")
	h.want(r, 201, "")
	if ws := r.header.Values("Warning"); len(ws) != 2 || !strings.Contains(ws[0], "alternatief e-mailadres") || !strings.Contains(ws[1], "mobiel telefoonnummer") {
		t.Errorf("Dutch warnings: %v", ws)
	}
	en := h.do(a.adminTok, "GET", "/api/roles/warnings", nil)
	nl := h.do(a.adminTok, "GET", "/api/roles/warnings", nil, "Accept-Language", "nl")
	codes := map[string]bool{}
	for _, it := range en.body["items"].([]any) {
		item := it.(map[string]any)
		upn, _ := item["userPrincipalName"].(string)
		codes[item["code"].(string)+" "+upn] = true
	}
	upn := "newadmin@" + a.domain
	if !codes["noAlternateEmail "+upn] || !codes["noMobilePhone "+upn] || !codes["fewGlobalAdmins "] {
		t.Errorf("warning codes: %v\n%s", codes, en.raw)
	}
	if !strings.Contains(string(en.raw), "Designate more than one Global admin") || !strings.Contains(string(nl.raw), "Wijs meer dan") {
		t.Errorf("messages: en %s\nnl %s", en.raw, nl.raw)
	}
}

// TestRefusalsLocalized checks that a 403 speaks Dutch when asked, and
// names the missing permission and the rule in its details.
func TestRefusalsLocalized(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	r := h.do(a.memberTok, "PATCH", "/v1.0/organization/"+a.id, map[string]any{"city": "Delft"}, "Accept-Language", "nl-NL")
	h.want(r, 403, "Authorization_RequestDenied")
	if msg := r.errMessage(); !strings.Contains(msg, "Onvoldoende bevoegdheden") || !strings.Contains(msg, "org.manage") || !strings.Contains(msg, "Hoofdbeheerder") {
		t.Errorf("Dutch refusal: %s", msg)
	}
	if !strings.Contains(string(r.raw), `"target":"org.manage"`) {
		t.Errorf("details don't name the permission: %s", r.raw)
	}
	_, helpdesk := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	r = h.do(helpdesk, "POST", "/api/users/"+a.adminID+"/resetPassword", map[string]any{"generate": true}, "Accept-Language", "nl")
	h.want(r, 403, "Authorization_RequestDenied")
	if !strings.Contains(r.errMessage(), "zonder beheerdersrol") || !strings.Contains(string(r.raw), `"code":"L1"`) {
		t.Errorf("Dutch L1 refusal: %s", r.raw)
	}
	if en := h.do(a.memberTok, "PATCH", "/v1.0/organization/"+a.id, map[string]any{"city": "Delft"}); !strings.Contains(en.errMessage(), "Insufficient privileges") {
		t.Errorf("English refusal: %s", en.raw)
	}
}
