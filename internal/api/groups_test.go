package api_test

import (
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
)

func TestGroups(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	u := h.newUser(a, "joep", nil)
	body := map[string]any{"displayName": "Planners", "mailNickname": "planners", "mailEnabled": false, "securityEnabled": true,
		"description": "Plans", "members@odata.bind": []string{"https://graph.microsoft.com/v1.0/directoryObjects/" + u.ID}}

	h.want(h.do("", "POST", "/v1.0/groups", body), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "POST", "/v1.0/groups", body), 403, "Authorization_RequestDenied")
	r := h.do(a.adminTok, "POST", "/v1.0/groups", body)
	h.want(r, 201, "")
	gid := r.body["id"].(string)
	h.wantAudit(a, "Add member to group", u.ID) // the last of the create's records
	if page, _ := a.admin.ListAudit(bg, client.ListOptions{Filter: "activityDisplayName eq 'Add group'"}); len(page.Value) != 1 || page.Value[0].TargetResources[0].ID != gid {
		t.Errorf("Add group audit: %+v", page.Value)
	}
	if r.body["securityEnabled"] != true || r.body["mail"] != nil || len(r.body["groupTypes"].([]any)) != 0 {
		t.Errorf("created group: %s", r.raw)
	}
	h.wantAudit(a, "Add member to group", u.ID)

	// A mail-enabled security group gets an address in the default domain.
	mg, err := a.admin.CreateGroup(bg, map[string]any{"displayName": "Sales", "mailNickname": "sales", "mailEnabled": true, "securityEnabled": true})
	if err != nil || mg.Mail == nil || *mg.Mail != "sales@"+a.domain || mg.ProxyAddresses[0] != "SMTP:sales@"+a.domain {
		t.Fatalf("mail-enabled group: %+v, %v", mg, err)
	}
	// Its address is taken in the tenant's address space.
	r = h.do(a.adminTok, "POST", "/v1.0/users", map[string]any{"accountEnabled": true, "displayName": "x", "mailNickname": "sales",
		"userPrincipalName": "sales@" + a.domain, "passwordProfile": map[string]any{"password": "Strong-Pass-1"}})
	h.want(r, 400, "Request_BadRequest")

	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"unified":        {map[string]any{"displayName": "U", "mailNickname": "u", "mailEnabled": true, "securityEnabled": false, "groupTypes": []string{"Unified"}}, "groupTypes"},
		"neither":        {map[string]any{"displayName": "N", "mailNickname": "n", "mailEnabled": false, "securityEnabled": false}, "securityEnabled"},
		"no nickname":    {map[string]any{"displayName": "N", "mailEnabled": false, "securityEnabled": true}, "mailNickname"},
		"bad nickname":   {map[string]any{"displayName": "N", "mailNickname": "a.b", "mailEnabled": false, "securityEnabled": true}, "mailNickname"},
		"read-only mail": {map[string]any{"displayName": "N", "mailNickname": "n", "mailEnabled": false, "securityEnabled": true, "mail": "x@y.z"}, "mail"},
		"unknown prop":   {map[string]any{"displayName": "N", "mailNickname": "n", "mailEnabled": false, "securityEnabled": true, "colour": "red"}, "colour"},
		"foreign member": {map[string]any{"displayName": "N", "mailNickname": "n", "mailEnabled": false, "securityEnabled": true,
			"members@odata.bind": []string{"https://graph.microsoft.com/v1.0/directoryObjects/" + b.adminID}}, ""},
	} {
		r := h.do(a.adminTok, "POST", "/v1.0/groups", c.body)
		if c.target == "" {
			h.want(r, 404, "Request_ResourceNotFound")
			continue
		}
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d target %q: %s", name, r.status, r.errTarget(), r.errMessage())
		}
	}
	// The refused group with a foreign member left nothing behind.
	page, _ := a.admin.ListGroups(bg, client.ListOptions{Filter: "displayName eq 'N'"})
	if len(page.Value) != 0 {
		t.Error("a refused group create left a group behind")
	}

	// Members and owners through $ref.
	path := "/v1.0/groups/" + gid
	ref := func(id string) map[string]any {
		return map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + id}
	}
	h.want(h.do(a.memberTok, "POST", path+"/members/$ref", ref(a.memberID)), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "POST", path+"/members/$ref", ref(b.memberID)), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "POST", path+"/members/$ref", ref(b.memberID)), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "POST", path+"/members/$ref", ref(a.memberID)), 204, "")
	h.wantAudit(a, "Add member to group", a.memberID)
	r = h.do(a.adminTok, "POST", path+"/members/$ref", ref(a.memberID))
	if r.status != 400 || r.errMessage() != "One or more added object references already exist for the following modified properties: 'members'." {
		t.Errorf("duplicate member: %d %s", r.status, r.errMessage())
	}
	h.want(h.do(a.adminTok, "POST", path+"/members/$ref", map[string]any{"@odata.id": "nonsense"}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "POST", path+"/owners/$ref", ref(u.ID)), 204, "")
	h.wantAudit(a, "Add owner to group", u.ID)
	h.want(h.do(a.adminTok, "POST", path+"/owners/$ref", ref(mg.ID)), 400, "Request_BadRequest") // groups can't own

	members, err := a.member.ListMembers(bg, gid, client.ListOptions{})
	if err != nil || len(members.Value) != 2 {
		t.Fatalf("members: %+v, %v", members, err)
	}
	for _, m := range members.Value {
		if m.ODataType != "#microsoft.graph.user" {
			t.Errorf("member type %q", m.ODataType)
		}
	}
	owners, _ := a.admin.ListOwners(bg, gid, client.ListOptions{})
	if len(owners.Value) != 1 || owners.Value[0].ID != u.ID {
		t.Errorf("owners: %+v", owners.Value)
	}

	// Nesting: Sales inside Planners is fine, Planners inside Sales is a cycle.
	h.want(h.do(a.adminTok, "POST", path+"/members/$ref", ref(mg.ID)), 204, "")
	r = h.do(a.adminTok, "POST", "/v1.0/groups/"+mg.ID+"/members/$ref", ref(gid))
	if r.status != 400 || !strings.Contains(r.errMessage(), "member of itself") {
		t.Errorf("cycle: %d %s", r.status, r.errMessage())
	}
	h.want(h.do(a.adminTok, "POST", path+"/members/$ref", ref(gid)), 400, "Request_BadRequest") // itself
	memberOf := h.do(a.adminTok, "GET", "/v1.0/groups/"+mg.ID+"/memberOf", nil)
	if v := memberOf.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != gid {
		t.Errorf("memberOf: %s", memberOf.raw)
	}
	userOf := h.do(a.adminTok, "GET", "/v1.0/users/"+u.ID+"/memberOf", nil)
	if v := userOf.body["value"].([]any); len(v) != 1 {
		t.Errorf("user memberOf: %s", userOf.raw)
	}

	h.want(h.do(a.adminTok, "DELETE", path+"/members/"+a.memberID+"/$ref", nil), 204, "")
	h.wantAudit(a, "Remove member from group", a.memberID)
	h.want(h.do(a.adminTok, "DELETE", path+"/members/"+a.memberID+"/$ref", nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "DELETE", path+"/owners/"+u.ID+"/$ref", nil), 204, "")
	h.wantAudit(a, "Remove owner from group", u.ID)

	// PATCH and DELETE.
	h.want(h.do(a.memberTok, "PATCH", path, map[string]any{"description": "x"}), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "PATCH", path, map[string]any{"description": "x"}), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"description": "Plans things"}), 204, "")
	h.wantAudit(a, "Update group", gid)
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"securityEnabled": false}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/groups/"+mg.ID, map[string]any{"mailNickname": "sales2"}), 204, "")
	if g, _ := a.admin.GetGroup(bg, mg.ID); *g.Mail != "sales2@"+a.domain {
		t.Errorf("mail after nickname change: %v", *g.Mail)
	}
	h.want(h.do(b.adminTok, "DELETE", path, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "DELETE", path, nil), 204, "")
	h.wantAudit(a, "Delete group", gid)
	h.want(h.do(a.adminTok, "GET", path, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "GET", "/v1.0/groups/not-a-guid", nil), 404, "Request_ResourceNotFound")
}

func TestGroupQueries(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	for i, name := range []string{"Sales NL", "Sales BE", "IT Admins", "Marketing"} {
		_, err := a.admin.CreateGroup(bg, map[string]any{"displayName": name, "mailNickname": strings.ReplaceAll(name, " ", ""),
			"mailEnabled": i%2 == 0, "securityEnabled": true})
		if err != nil {
			t.Fatal(err)
		}
	}
	names := func(o client.ListOptions) []string {
		t.Helper()
		p, err := a.admin.ListGroups(bg, o)
		if err != nil {
			t.Fatalf("%+v: %v", o, err)
		}
		var out []string
		for _, g := range p.Value {
			out = append(out, *g.DisplayName)
		}
		return out
	}
	if got := names(client.ListOptions{Filter: "startswith(displayName,'sales')", OrderBy: "displayName", Count: true, Eventual: true}); strings.Join(got, ",") != "Sales BE,Sales NL" {
		t.Errorf("startswith + orderby: %v", got)
	}
	if got := names(client.ListOptions{Filter: "mailEnabled eq true", OrderBy: "displayName desc", Count: true, Eventual: true}); strings.Join(got, ",") != "Sales NL,IT Admins" {
		t.Errorf("mailEnabled: %v", got)
	}
	if got := names(client.ListOptions{Search: `"displayName:admins"`, Eventual: true}); strings.Join(got, ",") != "IT Admins" {
		t.Errorf("search: %v", got)
	}
	if got := names(client.ListOptions{Filter: "groupTypes/any(c:c eq 'Unified')"}); len(got) != 0 {
		t.Errorf("unified groups: %v", got)
	}
	if got := names(client.ListOptions{Filter: "mail eq 'salesnl@" + a.domain + "'"}); strings.Join(got, ",") != "Sales NL" {
		t.Errorf("mail eq: %v", got)
	}
	r := h.do(a.adminTok, "GET", "/v1.0/groups?$filter=createdDateTime%20ge%202020-01-01T00:00:00Z", nil)
	h.want(r, 400, "Request_UnsupportedQuery")
	r = h.do(a.adminTok, "GET", "/v1.0/groups?$select=displayName,shoeSize", nil)
	if r.status != 400 || r.errMessage() != "Could not find a property named 'shoeSize' on type 'microsoft.graph.group'." {
		t.Errorf("select unknown: %d %s", r.status, r.errMessage())
	}
}
