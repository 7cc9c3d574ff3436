package api_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
)

func TestRoleAssignment(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	u := h.newUser(a, "joep", nil)
	body := map[string]any{"roleDefinitionId": authz.UserAdmin.TemplateID, "principalId": u.ID, "directoryScopeId": "/"}

	h.want(h.do("", "POST", "/v1.0/roleManagement/directory/roleAssignments", body), 401, "InvalidAuthenticationToken")
	r := h.do(a.memberTok, "POST", "/v1.0/roleManagement/directory/roleAssignments", body)
	h.want(r, 403, "Authorization_RequestDenied")
	if !strings.Contains(r.errMessage(), "roles.delegate") || !strings.Contains(r.errMessage(), "Global admin") {
		t.Errorf("refusal does not explain itself: %s", r.errMessage())
	}
	h.want(h.do(b.adminTok, "POST", "/v1.0/roleManagement/directory/roleAssignments", body), 404, "Request_ResourceNotFound")

	r = h.do(a.adminTok, "POST", "/v1.0/roleManagement/directory/roleAssignments", body)
	h.want(r, 201, "")
	raID := r.body["id"].(string)
	if r.body["roleDefinitionId"] != authz.UserAdmin.TemplateID || r.body["principalId"] != u.ID || r.body["directoryScopeId"] != "/" {
		t.Errorf("assignment: %s", r.raw)
	}
	if ws := r.header.Values("Warning"); len(ws) != 2 || !strings.Contains(ws[0], "alternate email") || !strings.Contains(ws[1], "mobile phone") {
		t.Errorf("warnings: %v", ws)
	}
	audit := h.wantAudit(a, "Add member to role", u.ID)
	mods := audit.TargetResources[0].ModifiedProperties
	if mods[2].DisplayName != "Roles" || mods[2].OldValue != "" || mods[2].NewValue != `"User Administrator"` {
		t.Errorf("audit before/after: %+v", mods)
	}
	h.want(h.do(a.adminTok, "POST", "/v1.0/roleManagement/directory/roleAssignments", body), 400, "Request_BadRequest") // twice

	// The Graph directoryRoles view agrees.
	roles := h.do(a.adminTok, "GET", "/v1.0/directoryRoles", nil)
	var userAdminRole string
	for _, x := range roles.body["value"].([]any) {
		m := x.(map[string]any)
		if m["roleTemplateId"] == authz.UserAdmin.TemplateID {
			userAdminRole = m["id"].(string)
		}
	}
	if userAdminRole == "" || len(roles.body["value"].([]any)) != 2 {
		t.Fatalf("directoryRoles: %s", roles.raw)
	}
	members := h.do(a.adminTok, "GET", "/v1.0/directoryRoles/"+userAdminRole+"/members", nil)
	if v := members.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != u.ID {
		t.Errorf("role members: %s", members.raw)
	}
	list, err := a.member.ListRoleAssignments(bg, "principalId eq '"+u.ID+"'")
	if err != nil || len(list) != 1 || list[0].ID != raID {
		t.Errorf("filtered assignments: %+v, %v", list, err)
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/roleManagement/directory/roleAssignments?$filter=roleDefinitionId%20ne%20'x'", nil), 400, "Request_UnsupportedQuery")
	wl, err := a.member.WorkloadRoles(bg, u.ID)
	if err != nil || strings.Join(wl, ",") != authz.ChatAdmin {
		t.Errorf("workload roles of a User management admin: %v, %v", wl, err)
	}

	// Removing through directoryRoles members shows in roleAssignments.
	h.want(h.do(b.adminTok, "DELETE", "/v1.0/directoryRoles/"+userAdminRole+"/members/"+u.ID+"/$ref", nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/directoryRoles/"+userAdminRole+"/members/"+u.ID+"/$ref", nil), 204, "")
	audit = h.wantAudit(a, "Remove member from role", u.ID)
	if m := audit.TargetResources[0].ModifiedProperties[2]; m.OldValue != `"User Administrator"` || m.NewValue != "" {
		t.Errorf("removal audit: %+v", m)
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/roleManagement/directory/roleAssignments/"+raID, nil), 404, "Request_ResourceNotFound")

	// Add through directoryRoles, remove through roleAssignments.
	h.want(h.do(a.adminTok, "POST", "/v1.0/directoryRoles/"+userAdminRole+"/members/$ref",
		map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + u.ID}), 204, "")
	list, _ = a.admin.ListRoleAssignments(bg, "roleDefinitionId eq '"+authz.UserAdmin.TemplateID+"'")
	if len(list) != 1 {
		t.Fatalf("assignments after $ref add: %+v", list)
	}
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/roleManagement/directory/roleAssignments/"+list[0].ID, nil), 204, "")

	// Bad input.
	for name, body := range map[string]map[string]any{
		"unknown role":  {"roleDefinitionId": "00000000-0000-0000-0000-000000000000", "principalId": u.ID},
		"scope":         {"roleDefinitionId": authz.UserAdmin.TemplateID, "principalId": u.ID, "directoryScopeId": "/administrativeUnits/x"},
		"missing":       {"principalId": u.ID},
		"extra":         {"roleDefinitionId": authz.UserAdmin.TemplateID, "principalId": u.ID, "appScopeId": "/"},
		"service admin": {"roleDefinitionId": authz.ServiceAdmin.TemplateID, "principalId": u.ID},
	} {
		if r := h.do(a.adminTok, "POST", "/v1.0/roleManagement/directory/roleAssignments", body); r.status != 400 {
			t.Errorf("%s: %d %s", name, r.status, r.raw)
		}
	}
	r = h.do(a.adminTok, "POST", "/v1.0/roleManagement/directory/roleAssignments",
		map[string]any{"roleDefinitionId": authz.ServiceAdmin.TemplateID, "principalId": u.ID})
	if r.errMessage() != "Assign the user an administrator role in Mail, Sites or Chat before assigning the Service admin role." {
		t.Errorf("service admin prerequisite: %s", r.errMessage())
	}
	// With a Mail admin role first, the Service admin role can follow.
	for _, role := range []authz.Role{authz.ExchangeAdmin, authz.ServiceAdmin} {
		h.want(h.do(a.adminTok, "POST", "/v1.0/roleManagement/directory/roleAssignments",
			map[string]any{"roleDefinitionId": role.TemplateID, "principalId": u.ID}), 201, "")
	}
	defs := h.do(a.memberTok, "GET", "/v1.0/roleManagement/directory/roleDefinitions", nil)
	if len(defs.body["value"].([]any)) != 8 {
		t.Errorf("role definitions: %s", defs.raw)
	}
	ga := h.do(a.memberTok, "GET", "/v1.0/roleManagement/directory/roleDefinitions/"+authz.GlobalAdmin.TemplateID, nil)
	if ga.body["displayName"] != "Global Administrator" || len(ga.body["rolePermissions"].([]any)[0].(map[string]any)["allowedResourceActions"].([]any)) != 15 {
		t.Errorf("Global Administrator definition: %s", ga.raw)
	}
}

func TestLastGlobalAdmin(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	const msg = "The organization must keep at least one enabled Global admin."
	list, _ := a.admin.ListRoleAssignments(bg, "principalId eq '"+a.adminID+"'")
	r := h.do(a.adminTok, "DELETE", "/v1.0/roleManagement/directory/roleAssignments/"+list[0].ID, nil)
	if r.status != 400 || r.errMessage() != msg {
		t.Fatalf("removing the last Global admin: %d %s", r.status, r.raw)
	}
	// A second Global admin can't delete or block the first while it is the
	// only other one... but can once a third exists; and the last can't go.
	secondID, secondTok := h.roleUser(a, "second", authz.GlobalAdmin)
	h.want(h.do(secondTok, "PATCH", "/v1.0/users/"+a.adminID, map[string]any{"accountEnabled": false}), 204, "")
	r = h.do(a.adminTok, "GET", "/v1.0/me", nil)
	h.want(r, 401, "InvalidAuthenticationToken") // blocked
	second := client.New(h.url, secondTok)
	r = h.do(secondTok, "DELETE", "/v1.0/roleManagement/directory/roleAssignments/"+mustAssignment(t, second, secondID), nil)
	if r.status != 400 || r.errMessage() != msg {
		t.Errorf("the only enabled Global admin dropping the role: %d %s", r.status, r.raw)
	}
	h.want(h.do(secondTok, "PATCH", "/v1.0/users/"+a.adminID, map[string]any{"accountEnabled": true}), 204, "")

	// Assigning a Global admin, or removing one down to the last, warns.
	thirdID, _ := h.roleUser(a, "third", authz.UserAdmin)
	r = h.do(secondTok, "POST", "/v1.0/roleManagement/directory/roleAssignments", map[string]any{"roleDefinitionId": authz.GlobalAdmin.TemplateID, "principalId": thirdID})
	h.want(r, 201, "")
	r = h.do(secondTok, "DELETE", "/v1.0/roleManagement/directory/roleAssignments/"+r.body["id"].(string), nil)
	h.want(r, 204, "")
	if strings.Contains(strings.Join(r.header.Values("Warning"), " "), "more than one Global admin") {
		t.Errorf("warned with two Global admins left: %v", r.header.Values("Warning"))
	}

	// Two Global admins removing each other at once leave one.
	firstRA, secondRA := mustAssignment(t, second, a.adminID), mustAssignment(t, second, secondID)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i, c := range []struct{ tok, ra string }{{a.adminTok, secondRA}, {secondTok, firstRA}} {
		wg.Add(1)
		go func(i int, tok, ra string) {
			defer wg.Done()
			codes[i] = h.do(tok, "DELETE", "/v1.0/roleManagement/directory/roleAssignments/"+ra, nil).status
		}(i, c.tok, c.ra)
	}
	wg.Wait()
	holders, _ := a.admin.ListRoleAssignments(bg, "roleDefinitionId eq '"+authz.GlobalAdmin.TemplateID+"'")
	if len(holders) != 1 {
		t.Fatalf("after two Global admins removed each other: %d left (responses %v)", len(holders), codes)
	}
	w := h.do(secondTok, "GET", "/api/roles/warnings", nil)
	if w.status == 200 && !strings.Contains(string(w.raw), "more than one Global admin") {
		t.Errorf("one Global admin left, no warning: %s", w.raw)
	}
}

func mustAssignment(t *testing.T, c *client.Client, userID string) string {
	t.Helper()
	list, err := c.ListRoleAssignments(bg, "principalId eq '"+userID+"' and roleDefinitionId eq '"+authz.GlobalAdmin.TemplateID+"'")
	if err != nil || len(list) != 1 {
		t.Fatalf("assignment of %s: %+v, %v", userID, list, err)
	}
	return list[0].ID
}

func TestBulkRolesAndViews(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	u1, u2 := h.newUser(a, "one", nil), h.newUser(a, "two", nil)
	res, err := a.admin.BulkRoles(bg, client.BulkRolesRequest{UserIDs: []string{u1.ID, u2.ID, u1.ID, "00000000-0000-0000-0000-000000000001"},
		RoleDefinitionID: authz.PasswordAdmin.TemplateID, Action: "assign"})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, r := range res.Results {
		got = append(got, r.Status)
	}
	if strings.Join(got, ",") != "done,done,skipped,failed" {
		t.Errorf("bulk assign: %+v", res.Results)
	}
	res, _ = a.admin.BulkRoles(bg, client.BulkRolesRequest{UserIDs: []string{u1.ID, a.memberID}, RoleDefinitionID: authz.PasswordAdmin.TemplateID, Action: "revoke"})
	if res.Results[0].Status != "done" || res.Results[1].Status != "skipped" {
		t.Errorf("bulk revoke: %+v", res.Results)
	}
	h.want(h.do(a.memberTok, "POST", "/api/bulk/roles", client.BulkRolesRequest{UserIDs: []string{u1.ID}, RoleDefinitionID: authz.PasswordAdmin.TemplateID, Action: "assign"}), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "POST", "/api/bulk/roles", map[string]any{"userIds": []string{u1.ID}, "roleDefinitionId": authz.PasswordAdmin.TemplateID, "action": "maybe"}), 400, "Request_BadRequest")

	// Who is my admin: any member may ask.
	admins, err := a.member.MyAdmins(bg)
	if err != nil || len(admins.GlobalAdmins) != 1 || admins.GlobalAdmins[0].UserPrincipalName != "admin@"+a.domain {
		t.Errorf("myAdmins: %+v, %v", admins, err)
	}
	warn := h.do(a.adminTok, "GET", "/api/roles/warnings", nil)
	if !strings.Contains(string(warn.raw), "more than one Global admin") {
		t.Errorf("warnings: %s", warn.raw)
	}

	// User views: only roles with userviews.manage change them; 50 at most.
	view := client.UserView{Name: "Password admins", Conditions: client.ViewConditions{RoleTemplateID: authz.PasswordAdmin.TemplateID}}
	h.want(h.do(a.memberTok, "POST", "/api/userViews", view), 403, "Authorization_RequestDenied")
	r := h.do(a.adminTok, "POST", "/api/userViews", view)
	h.want(r, 201, "")
	vid := r.body["id"].(string)
	h.want(h.do(a.adminTok, "POST", "/api/userViews", client.UserView{Name: "PASSWORD ADMINS"}), 409, "Request_BadRequest")
	users := h.do(a.memberTok, "GET", "/api/userViews/"+vid+"/users", nil)
	if v := users.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != u2.ID {
		t.Errorf("view users: %s", users.raw)
	}
	h.want(h.do(a.adminTok, "PATCH", "/api/userViews/"+vid, client.UserView{Name: "Helpdesk", Conditions: client.ViewConditions{UsageLocation: "nl"}}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "PATCH", "/api/userViews/"+vid, client.UserView{Name: "Dutch", Conditions: client.ViewConditions{UsageLocation: "NL", Department: "IT"}}), 204, "")
	got1 := h.do(a.memberTok, "GET", "/api/userViews/"+vid, nil)
	if got1.body["filter"] != "usageLocation eq 'NL' and department eq 'IT'" {
		t.Errorf("view filter: %s", got1.raw)
	}
	for i := 1; i < 50; i++ {
		h.want(h.do(a.adminTok, "POST", "/api/userViews", client.UserView{Name: "View " + string(rune('A'+i%26)) + string(rune('a'+i/26))}), 201, "")
	}
	r = h.do(a.adminTok, "POST", "/api/userViews", client.UserView{Name: "One too many"})
	if r.status != 400 || !strings.Contains(r.errMessage(), "50") {
		t.Errorf("51st view: %d %s", r.status, r.raw)
	}
	h.want(h.do(a.adminTok, "DELETE", "/api/userViews/"+vid, nil), 204, "")
	h.want(h.do(a.adminTok, "GET", "/api/userViews/"+vid, nil), 404, "Request_ResourceNotFound")
}

// TestDirectoryRoleAlternateKey: a directory role is reachable by its
// template id, Graph's /directoryRoles(roleTemplateId='…'), for reading
// and for its members.
func TestDirectoryRoleAlternateKey(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	key := "/v1.0/directoryRoles(roleTemplateId='" + authz.GlobalAdmin.TemplateID + "')"
	r := h.do(a.memberTok, "GET", key, nil)
	h.want(r, 200, "")
	if r.body["roleTemplateId"] != authz.GlobalAdmin.TemplateID {
		t.Fatalf("by template: %s", r.raw)
	}
	members := h.do(a.memberTok, "GET", key+"/members", nil)
	h.want(members, 200, "")
	if v := members.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != a.adminID {
		t.Fatalf("members by template: %s", members.raw)
	}
	ref := map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + a.memberID}
	h.want(h.do(a.adminTok, "POST", key+"/members/$ref", ref), 204, "")
	h.want(h.do(a.adminTok, "DELETE", key+"/members/"+a.memberID+"/$ref", nil), 204, "")
	h.want(h.do(a.memberTok, "GET", "/v1.0/directoryRoles(roleTemplateId='00000000-0000-0000-0000-000000000000')", nil), 404, "Request_ResourceNotFound")
}
