package api_test

import (
	"net/http"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/server"
)

// azureStory is the seed 002 setting of partners.md §7: a partner with an
// Admin agent, reseller with delegated admin of a customer, and a resource
// subscription the agent provisioned.
type azureStory struct {
	h            *harness
	pt           *partnerTenant
	ct           *tenant
	agentID      string
	agent        string // the Admin agent's token, in the partner tenant
	subID, owner string // the subscription and its ForeignGroup Owner assignment
}

func newAzureStory(t *testing.T, opts ...func(*server.Config)) *azureStory {
	h := newHarness(t, opts...)
	s := &azureStory{h: h, pt: h.newPartnerTenant("ptnr"), ct: h.newTenant("cust")}
	s.agentID, s.agent = h.agent(s.pt, "alex", s.pt.prof.AdminAgents)
	h.resell(s.pt, s.agentID, s.ct, true)
	r := h.do(s.agent, "POST", s.partnerPath(""), map[string]any{"displayName": "Azure plan"})
	h.want(r, http.StatusCreated, "")
	s.subID, _ = r.body["subscriptionId"].(string)
	if r.body["id"] != "/subscriptions/"+s.subID || r.body["provisionedByPartnerTenantId"] != s.pt.id || r.body["state"] != "Enabled" {
		t.Fatalf("provisioned subscription: %s", r.raw)
	}
	s.owner = s.ownerAssignment()
	return s
}

func (s *azureStory) partnerPath(rest string) string {
	return "/api/customers/" + s.ct.id + "/azure/subscriptions" + rest
}

// ownerAssignment finds, as the customer's Global admin, the ForeignGroup
// Owner assignment of the partner's AdminAgents, or "".
func (s *azureStory) ownerAssignment() string {
	s.h.t.Helper()
	r := s.h.do(s.ct.adminTok, "GET", "/api/azure/subscriptions/"+s.subID+"/roleAssignments", nil)
	s.h.want(r, http.StatusOK, "")
	for _, v := range r.body["value"].([]any) {
		ra := v.(map[string]any)
		p := ra["properties"].(map[string]any)
		if p["principalType"] == "ForeignGroup" && p["principalId"] == s.pt.prof.AdminAgents &&
			p["roleDefinitionId"] == "/subscriptions/"+s.subID+"/providers/Microsoft.Authorization/roleDefinitions/"+authz.ResourceOwner.ID &&
			p["scope"] == "/subscriptions/"+s.subID && ra["id"] == "/subscriptions/"+s.subID+"/providers/Microsoft.Authorization/roleAssignments/"+ra["name"].(string) {
			return ra["name"].(string)
		}
	}
	return ""
}

func (s *azureStory) removeDAP() {
	s.h.t.Helper()
	if err := s.h.app.Directory.RemoveDelegatedAdmin(s.h.adminCtx(s.ct), s.ct.id, s.pt.id); err != nil {
		s.h.t.Fatalf("remove DAP: %v", err)
	}
}

func ownerOf(groupID string) map[string]any {
	return map[string]any{"properties": map[string]any{"roleDefinitionId": authz.ResourceOwner.ID, "principalId": groupID, "principalType": "ForeignGroup"}}
}

// TestAzureSeedStory is seed 002's story: the partner's Owner assignment
// survives removing delegated admin; only removing the assignment stops
// the partner, and reinstating it gives access back.
func TestAzureSeedStory(t *testing.T) {
	s := newAzureStory(t)
	h := s.h
	if s.owner == "" {
		t.Fatal("no ForeignGroup Owner assignment for AdminAgents")
	}
	h.wantAuditBy(s.ct, "Create resource subscription", s.subID)
	a := h.lastAudit(s.ct)
	if a.InitiatedBy.User == nil || a.InitiatedBy.User.ID != s.agentID {
		t.Fatalf("customer audit not by the agent: %+v", a.InitiatedBy)
	}
	// The partner's activity log shows it: the customer's event on its behalf.
	events, err := h.app.Directory.PartnerActivity(h.adminCtx(s.pt.tenant), s.pt.id, directory.PartnerCursor{}, 10)
	if err != nil || len(events) == 0 || events[0].CustomerTenantID != s.ct.id || events[0].Event.Initiator.Partner == nil ||
		events[0].Event.Initiator.Partner.Delegation != authz.DelegationReseller {
		t.Fatalf("partner activity: %+v, %v", events, err)
	}
	h.wantAuditBy(s.pt.tenant, "Create resource subscription", s.subID)

	s.removeDAP()
	h.want(h.do(s.agent, "GET", s.partnerPath("/"+s.subID), nil), http.StatusOK, "")
	reader := map[string]any{"properties": map[string]any{"roleDefinitionId": authz.ResourceReader.ID, "principalId": s.ct.memberID, "principalType": "User"}}
	h.want(h.do(s.agent, "POST", s.partnerPath("/"+s.subID+"/roleAssignments"), reader), http.StatusCreated, "")
	h.wantAuditBy(s.ct, "Add resource role assignment", s.subID)
	h.wantAuditBy(s.pt.tenant, "Add resource role assignment", s.subID)
	r := h.do(s.agent, "GET", s.partnerPath(""), nil)
	h.want(r, http.StatusOK, "")
	if n := len(r.body["value"].([]any)); n != 1 {
		t.Fatalf("agent lists %d subscriptions, want 1", n)
	}

	h.want(h.do(s.ct.adminTok, "DELETE", "/api/azure/subscriptions/"+s.subID+"/roleAssignments/"+s.owner, nil), http.StatusNoContent, "")
	h.wantAudit(s.ct, "Remove resource role assignment", s.subID)
	h.want(h.do(s.agent, "GET", s.partnerPath("/"+s.subID), nil), http.StatusForbidden, "Authorization_RequestDenied")
	h.want(h.do(s.agent, "POST", s.partnerPath("/"+s.subID+"/roleAssignments"), ownerOf(s.pt.prof.AdminAgents)), http.StatusForbidden, "")

	h.want(h.do(s.ct.adminTok, "POST", "/api/azure/subscriptions/"+s.subID+"/roleAssignments", ownerOf(s.pt.prof.AdminAgents)), http.StatusCreated, "")
	h.want(h.do(s.agent, "GET", s.partnerPath("/"+s.subID), nil), http.StatusOK, "")

	// Nested groups count: a member of a group inside AdminAgents.
	g, err := s.pt.admin.CreateGroup(bg, map[string]any{"displayName": "Azure Managers", "mailNickname": "azmgr", "mailEnabled": false, "securityEnabled": true})
	if err != nil {
		t.Fatal(err)
	}
	nested := h.newUser(s.pt.tenant, "nina", nil)
	h.addToGroup(s.pt.tenant, g.ID, nested.ID)
	h.addToGroup(s.pt.tenant, s.pt.prof.AdminAgents, g.ID)
	h.want(h.do(h.token(s.pt.id, nested.ID), "GET", s.partnerPath("/"+s.subID), nil), http.StatusOK, "")
}

// TestAzureDelegatedAdminMode: with delegatedAdmin required, removing DAP
// stops the partner while the assignment stays.
func TestAzureDelegatedAdminMode(t *testing.T) {
	s := newAzureStory(t, func(c *server.Config) { c.PartnerAzureAccess = "delegatedAdmin" })
	h := s.h
	h.want(h.do(s.agent, "GET", s.partnerPath("/"+s.subID), nil), http.StatusOK, "")
	s.removeDAP()
	h.want(h.do(s.agent, "GET", s.partnerPath("/"+s.subID), nil), http.StatusForbidden, "Authorization_RequestDenied")
	h.want(h.do(s.agent, "POST", s.partnerPath("/"+s.subID+"/roleAssignments"), ownerOf(s.pt.prof.AdminAgents)), http.StatusForbidden, "")
	if s.ownerAssignment() != s.owner {
		t.Fatal("the Owner assignment went with DAP")
	}
}

// TestAzureGates covers who may do what on both sides.
func TestAzureGates(t *testing.T) {
	s := newAzureStory(t)
	h := s.h
	sub := "/api/azure/subscriptions/" + s.subID
	h.want(h.do("", "GET", "/api/azure/subscriptions", nil), http.StatusUnauthorized, "")
	h.want(h.do(s.ct.memberTok, "POST", "/api/azure/subscriptions", map[string]any{"displayName": "x"}), http.StatusForbidden, "")
	h.want(h.do(s.ct.memberTok, "GET", sub, nil), http.StatusForbidden, "")
	h.want(h.do(s.pt.adminTok, "GET", sub, nil), http.StatusNotFound, "") // another tenant's subscription
	h.want(h.do(s.pt.adminTok, "DELETE", sub+"/roleAssignments/"+s.owner, nil), http.StatusNotFound, "")
	r := h.do(s.ct.memberTok, "GET", "/api/azure/subscriptions", nil)
	h.want(r, http.StatusOK, "")
	if n := len(r.body["value"].([]any)); n != 0 {
		t.Fatalf("member without a role lists %d subscriptions", n)
	}

	// A billing admin creates one and becomes its Owner; a Reader reads but
	// can't manage access.
	_, billing := h.roleUser(s.ct, "bill", authz.BillingAdmin)
	r = h.do(billing, "POST", "/api/azure/subscriptions", map[string]any{"displayName": "Dev"})
	h.want(r, http.StatusCreated, "")
	dev := "/api/azure/subscriptions/" + r.body["subscriptionId"].(string)
	readerOf := map[string]any{"properties": map[string]any{"roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/" + authz.ResourceReader.ID,
		"principalId": s.ct.memberID, "principalType": "User"}}
	h.want(h.do(billing, "POST", dev+"/roleAssignments", readerOf), http.StatusCreated, "")
	h.want(h.do(billing, "POST", dev+"/roleAssignments", readerOf), http.StatusConflict, "")
	h.want(h.do(s.ct.memberTok, "GET", dev, nil), http.StatusOK, "")
	h.want(h.do(s.ct.memberTok, "POST", dev+"/roleAssignments", ownerOf(s.pt.prof.AdminAgents)), http.StatusForbidden, "")

	// Bad input is a precise 400.
	for _, tc := range []struct {
		body  any
		field string
	}{
		{map[string]any{"properties": map[string]any{"roleDefinitionId": "nope", "principalId": s.ct.memberID, "principalType": "User"}}, "properties.roleDefinitionId"},
		{map[string]any{"properties": map[string]any{"roleDefinitionId": authz.ResourceOwner.ID, "principalId": s.ct.memberID, "principalType": "Robot"}}, "properties.principalType"},
		{map[string]any{"properties": map[string]any{"roleDefinitionId": authz.ResourceOwner.ID, "principalId": s.pt.adminID, "principalType": "User"}}, "properties.principalId"},
		{ownerOf(s.pt.prof.SalesAgents), "properties.principalId"},
		{map[string]any{"properties": map[string]any{"roleDefinitionId": authz.ResourceOwner.ID}, "extra": 1}, "roleAssignment"},
	} {
		r := h.do(s.ct.adminTok, "POST", sub+"/roleAssignments", tc.body)
		h.want(r, http.StatusBadRequest, "")
		if r.errTarget() != tc.field {
			t.Errorf("%v: 400 about %q, want %q", tc.body, r.errTarget(), tc.field)
		}
	}
	h.want(h.do(s.ct.adminTok, "POST", "/api/azure/subscriptions", map[string]any{"displayName": ""}), http.StatusBadRequest, "")

	// Partner side: Sales agents provision but can't use; Helpdesk agents
	// can't provision; another partner's customer is not found.
	_, sales := h.agent(s.pt, "sam", s.pt.prof.SalesAgents)
	h.want(h.do(sales, "POST", s.partnerPath(""), map[string]any{"displayName": "Sales plan"}), http.StatusCreated, "")
	h.want(h.do(sales, "GET", s.partnerPath("/"+s.subID), nil), http.StatusForbidden, "")
	_, helpdesk := h.agent(s.pt, "hal", s.pt.prof.HelpdeskAgents)
	h.want(h.do(helpdesk, "POST", s.partnerPath(""), map[string]any{"displayName": "No"}), http.StatusForbidden, "")
	other := h.newPartnerTenant("other")
	_, otherAgent := h.agent(other, "olga", other.prof.AdminAgents)
	otherPath := "/api/customers/" + s.ct.id + "/azure/subscriptions"
	h.want(h.do(otherAgent, "GET", otherPath+"/"+s.subID, nil), http.StatusNotFound, "")
	h.want(h.do(otherAgent, "POST", otherPath, map[string]any{"displayName": "No"}), http.StatusNotFound, "")
	h.want(h.do(s.agent, "GET", s.partnerPath("/"+s.subID+"/roleAssignments/x"), nil), http.StatusMethodNotAllowed, "")
}
