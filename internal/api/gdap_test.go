package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

const relsPath = "/v1.0/tenantRelationships/delegatedAdminRelationships"

// gdapParties are a partner with an Admin agent (with a token) and a
// security group "Helpdesk team" with one member, and a customer that
// gave the partner DAP.
type gdapParties struct {
	partner, customer *tenant
	agentTok          string
	tech              string // the team member's id
	team              string // the group's id
}

func (h *harness) gdapParties() gdapParties {
	h.t.Helper()
	op := authz.WithPrincipal(bg, authz.Operator)
	g := gdapParties{partner: h.newTenant("fabrikam"), customer: h.newTenant("contoso")}
	prof, err := h.app.Directory.SetPartner(op, g.partner.id, true)
	if err != nil {
		h.t.Fatal(err)
	}
	agent := h.newUser(g.partner, "agent", nil)
	if err := h.app.Directory.AddMember(op, g.partner.id, prof.AdminAgents, agent.ID); err != nil {
		h.t.Fatal(err)
	}
	g.agentTok = h.token(g.partner.id, agent.ID)
	g.tech = h.newUser(g.partner, "tech", nil).ID
	name, nick, yes, no := "Helpdesk team", "helpdeskteam", true, false
	team, err := h.app.Directory.CreateGroup(op, g.partner.id, directory.GroupInput{DisplayName: &name, MailNickname: &nick,
		SecurityEnabled: &yes, MailEnabled: &no, GroupTypes: &[]string{}, Members: []string{g.tech}})
	if err != nil {
		h.t.Fatal(err)
	}
	g.team = team.ID
	inv, err := h.app.Directory.CreatePartnerInvitation(authz.WithPrincipal(bg, authz.Principal{UserID: agent.ID, TenantID: g.partner.id}),
		g.partner.id, true, h.url)
	if err != nil {
		h.t.Fatal(err)
	}
	ga := authz.Principal{UserID: g.customer.adminID, TenantID: g.customer.id, Roles: []string{authz.GlobalAdmin.Key}}
	if _, err := h.app.Directory.AcceptPartnerInvitation(authz.WithPrincipal(bg, ga), inv.Token); err != nil {
		h.t.Fatal(err)
	}
	return g
}

func gdapBody(name, duration, autoExtend, customer string, roles ...string) map[string]any {
	var rs []map[string]string
	for _, r := range roles {
		rs = append(rs, map[string]string{"roleDefinitionId": r})
	}
	b := map[string]any{"displayName": name, "duration": duration, "customer": map[string]string{"tenantId": customer},
		"accessDetails": map[string]any{"unifiedRoles": rs}}
	if autoExtend != "" {
		b["autoExtendDuration"] = autoExtend
	}
	return b
}

// TestGDAPOverHTTP is the GDAP story through the API: the partner's
// Admin agent requests User Administrator and Helpdesk Administrator for
// 30 days and locks the request; the customer's Global admin opens the
// approval page and approves, removing DAP; the agent gives the Helpdesk
// team Helpdesk Administrator; a team member acting in the customer
// resets a user's password; after the end the job expires the
// relationship and the member is refused.
func TestGDAPOverHTTP(t *testing.T) {
	h, clk := newClockHarness(t)
	g := h.gdapParties()
	ua, hd := authz.UserAdmin.TemplateID, authz.PasswordAdmin.TemplateID

	h.want(h.do("", "GET", relsPath, nil), 401, "InvalidAuthenticationToken")
	h.want(h.do(g.partner.memberTok, "POST", relsPath, gdapBody("x", "P30D", "", g.customer.id, ua)), 403, "Authorization_RequestDenied")
	for _, tc := range []struct {
		name, target string
		body         map[string]any
	}{
		{"P0D", "duration", gdapBody("x", "P0D", "", g.customer.id, ua)},
		{"P3Y", "duration", gdapBody("x", "P3Y", "", g.customer.id, ua)},
		{"51 characters", "displayName", gdapBody(strings.Repeat("n", 51), "P30D", "", g.customer.id, ua)},
		{"P180D with Global Administrator", "autoExtendDuration", gdapBody("x", "P30D", "P180D", g.customer.id, ua, authz.GlobalAdmin.TemplateID)},
		{"an unknown property", "delegatedAdminRelationship", map[string]any{"displayName": "x", "status": "active"}},
	} {
		r := h.do(g.agentTok, "POST", relsPath, tc.body)
		if r.status != 400 || r.errCode() != "Request_BadRequest" || r.errTarget() != tc.target {
			t.Errorf("%s: %d %s %q (target %q)", tc.name, r.status, r.errCode(), r.errMessage(), r.errTarget())
		}
	}

	r := h.do(g.agentTok, "POST", relsPath, gdapBody("Contoso helpdesk", "P30D", "", g.customer.id, ua, hd))
	h.want(r, 201, "")
	id, _ := r.body["id"].(string)
	etag, _ := r.body["@odata.etag"].(string)
	if r.body["status"] != "created" || len(strings.Split(id, "-")) != 10 || etag == "" || !strings.HasSuffix(r.header.Get("Location"), relsPath+"/"+id) {
		t.Fatalf("created relationship: %s %v", r.raw, r.header)
	}
	h.want(h.do(g.agentTok, "PATCH", relsPath+"/"+id, map[string]any{"displayName": "Contoso support"}, "If-Match", `W/"9"`), 412, "PreconditionFailed")
	r = h.do(g.agentTok, "PATCH", relsPath+"/"+id, map[string]any{"displayName": "Contoso support"}, "If-Match", etag)
	h.want(r, 200, "")
	if r.body["displayName"] != "Contoso support" || r.body["@odata.etag"] == etag {
		t.Fatalf("patched: %s", r.raw)
	}
	h.want(h.do(g.customer.adminTok, "GET", "/api/partnerRelationships/gdap/"+id, nil), 404, "Request_ResourceNotFound")

	agent := client.New(h.url, g.agentTok)
	if req, err := agent.RequestDelegatedAdminRelationship(bg, id, "lockForApproval"); err != nil || req.Status != "succeeded" || req.Action != "lockForApproval" {
		t.Fatalf("lock: %+v, %v", req, err)
	}
	h.want(h.do(g.agentTok, "PATCH", relsPath+"/"+id, map[string]any{"displayName": "Late"}, "If-Match", "*"), 400, "Request_BadRequest")
	h.wantApprovalMail(id)

	page := "/api/partnerRelationships/gdap/" + id
	h.want(h.do(g.customer.memberTok, "GET", page, nil), 403, "Authorization_RequestDenied")
	other := h.newTenant("other")
	h.want(h.do(other.adminTok, "GET", page, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(other.adminTok, "POST", page+"/approve", map[string]bool{"removeDap": true}), 404, "Request_ResourceNotFound")
	view, err := g.customer.admin.GetGDAPApproval(bg, id)
	if err != nil || view.PartnerName != "Org fabrikam" || view.Status != "approvalPending" || !view.PartnerHasDelegatedAdmin ||
		len(view.Roles) != 2 || view.Roles[0].DisplayName != "User Administrator" || view.Duration != "P30D" || view.ApprovalExpiresDateTime == nil {
		t.Fatalf("approval page: %+v, %v", view, err)
	}
	if view, err = g.customer.admin.ApproveGDAP(bg, id, true); err != nil || view.Status != "active" || view.PartnerHasDelegatedAdmin {
		t.Fatalf("approved: %+v, %v", view, err)
	}
	// The Partner relationships page: the reseller without DAP now, with its GDAP relationship.
	partners, err := g.customer.admin.PartnerRelationships(bg)
	if err != nil || len(partners) != 1 || !partners[0].Reseller || partners[0].DelegatedAdmin || len(partners[0].GDAP) != 1 ||
		partners[0].GDAP[0].ID != id || partners[0].GDAP[0].Status != "active" {
		t.Fatalf("partner relationships: %+v, %v", partners, err)
	}
	r = h.do(g.customer.adminTok, "POST", page+"/approve", nil)
	h.want(r, 400, "Request_BadRequest")
	if !strings.Contains(r.errMessage(), "already approved") {
		t.Errorf("approving twice: %s", r.errMessage())
	}
	if a := h.lastAudit(g.customer); a.ActivityDisplayName != "Approve GDAP relationship" || a.Result != "failure" {
		t.Errorf("the refused approval's audit: %+v", a)
	}

	assign := func(group string, roles ...string) response {
		var rs []map[string]string
		for _, r := range roles {
			rs = append(rs, map[string]string{"roleDefinitionId": r})
		}
		return h.do(g.agentTok, "POST", relsPath+"/"+id+"/accessAssignments", map[string]any{
			"accessContainer": map[string]string{"accessContainerId": group, "accessContainerType": "securityGroup"},
			"accessDetails":   map[string]any{"unifiedRoles": rs}})
	}
	h.want(assign(g.team, authz.GlobalAdmin.TemplateID), 400, "Request_BadRequest")
	h.want(assign(g.partner.memberID, hd), 400, "Request_BadRequest")
	as, err := agent.CreateDelegatedAdminAccessAssignment(bg, id, g.team, hd)
	if err != nil || as.Status != "active" || as.AccessContainer.AccessContainerType != "securityGroup" || as.ETag == "" {
		t.Fatalf("assignment: %+v, %v", as, err)
	}
	asPath := relsPath + "/" + id + "/accessAssignments/" + as.ID
	both := map[string]any{"accessDetails": map[string]any{"unifiedRoles": []map[string]string{{"roleDefinitionId": hd}, {"roleDefinitionId": ua}}}}
	h.want(h.do(g.agentTok, "PATCH", asPath, both, "If-Match", `W/"7"`), 412, "PreconditionFailed")
	h.want(h.do(g.agentTok, "PATCH", asPath, map[string]any{"status": "active"}, "If-Match", as.ETag), 400, "Request_BadRequest")
	r = h.do(g.agentTok, "PATCH", asPath, both, "If-Match", as.ETag)
	h.want(r, 200, "")
	if ad, _ := r.body["accessDetails"].(map[string]any); len(ad["unifiedRoles"].([]any)) != 2 {
		t.Fatalf("patched assignment: %s", r.raw)
	}
	if cs, err := agent.ListDelegatedAdminCustomers(bg); err != nil || len(cs.Value) != 1 || cs.Value[0].TenantID != g.customer.id ||
		cs.Value[0].DisplayName != "Org contoso" {
		t.Fatalf("delegatedAdminCustomers: %+v, %v", cs, err)
	}
	h.want(h.do(g.customer.adminTok, "GET", relsPath+"/"+id, nil), 400, "Request_BadRequest") // not a partner
	if _, err := h.app.Directory.SetPartner(authz.WithPrincipal(bg, authz.Operator), other.id, true); err != nil {
		t.Fatal(err)
	}
	h.want(h.do(other.adminTok, "GET", relsPath+"/"+id, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(other.adminTok, "GET", relsPath+"/"+id+"/accessAssignments", nil), 404, "Request_ResourceNotFound")

	// The team member acts in the customer over HTTP with their own token:
	// the GDAP roles (Helpdesk and User admin), not DAP's Global admin.
	techTok := h.token(g.partner.id, g.tech)
	in := func(method, path string, body any) response {
		return h.do("", method, path, body, "Authorization", "Bearer "+techTok, client.TenantHeader, g.customer.id)
	}
	h.want(in("PATCH", "/v1.0/users/"+g.customer.memberID, map[string]any{"passwordProfile": map[string]any{"password": "Gdap-Reset-71"}}), 204, "")
	ev := h.lastAudit(g.customer)
	if ev.InitiatedBy.User == nil || ev.InitiatedBy.User.ID != g.tech || !hasDetail(ev, "DelegationType", "GDAP") || !hasDetail(ev, "RelationshipId", id) {
		t.Fatalf("customer audit of the GDAP reset: %+v", ev)
	}
	h.want(in("PATCH", "/v1.0/users/"+g.customer.memberID, map[string]any{"jobTitle": "Planner"}), 204, "")
	h.want(in("GET", "/v1.0/domains", nil), 200, "")
	h.want(in("POST", "/v1.0/domains", map[string]any{"id": "contoso.example"}), 403, "Authorization_RequestDenied")

	// A second after the end the relationship grants nothing, before the job runs.
	rels, err := agent.ListDelegatedAdminRelationships(bg)
	if err != nil || len(rels.Value) != 1 || rels.Value[0].EndDateTime == nil {
		t.Fatalf("relationships: %+v, %v", rels, err)
	}
	clk.Set(rels.Value[0].EndDateTime.Add(-time.Second))
	h.want(in("GET", "/v1.0/users", nil), 200, "")
	clk.Set(rels.Value[0].EndDateTime.Add(time.Second))
	h.want(in("GET", "/v1.0/users", nil), 403, "Authorization_RequestDenied")
	clk.Add(time.Minute)
	if _, err := h.app.Directory.AdvanceGDAP(bg); err != nil {
		t.Fatal(err)
	}
	if rels, err := agent.ListDelegatedAdminRelationships(bg); err != nil || len(rels.Value) != 1 || rels.Value[0].Status != "expired" ||
		rels.Value[0].EndDateTime == nil {
		t.Fatalf("after the end: %+v, %v", rels, err)
	}
	r = h.do(g.agentTok, "GET", relsPath+"/"+id+"/accessAssignments", nil)
	if as, _ := r.body["value"].([]any); r.status != 200 || len(as) != 0 {
		t.Fatalf("assignments after expiry: %s", r.raw)
	}
	h.want(in("GET", "/v1.0/users", nil), 403, "Authorization_RequestDenied")
}

// wantApprovalMail checks that the customer's Global admin was sent the
// approval link.
func (h *harness) wantApprovalMail(id string) {
	h.t.Helper()
	msgs, err := h.app.Directory.Outbox(authz.WithPrincipal(bg, authz.Operator), 50)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, m := range msgs {
		if strings.Contains(m.Body, h.url+"/AdminPortal/Home#/partners/invitation/granularAdminRelationships/"+id) {
			return
		}
	}
	h.t.Fatalf("no approval mail with the link among %d messages", len(msgs))
}
