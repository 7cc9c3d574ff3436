package api_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/atriumhq/atrium/internal/server"
)

// partnerOrg is a partner tenant with an agent in each agent group.
type partnerOrg struct {
	*tenant
	groups                partner.Profile
	adminAgent, helpdesk  string // user ids
	adminTok, helpdeskTok string
	salesTok, nonAgentTok string
	adminUPN              string
}

// newPartner makes a partner tenant through the operator and puts agents
// in its groups through the API, as its Global admin would.
func (h *harness) newPartner(prefix string) *partnerOrg {
	h.t.Helper()
	tn := h.newTenant(prefix)
	prof, err := h.app.Directory.SetPartner(authz.WithPrincipal(bg, authz.Operator), tn.id, true)
	if err != nil {
		h.t.Fatal(err)
	}
	po := &partnerOrg{tenant: tn, groups: prof}
	add := func(alias, group string) (string, string) {
		u := h.newUser(tn, alias, nil)
		h.want(h.do(tn.adminTok, "POST", "/v1.0/groups/"+group+"/members/$ref",
			map[string]any{"@odata.id": h.url + "/v1.0/directoryObjects/" + u.ID}), 204, "")
		return u.ID, h.token(tn.id, u.ID)
	}
	po.adminAgent, po.adminTok = add("agent", prof.AdminAgents)
	po.adminUPN = "agent@" + tn.domain
	po.helpdesk, po.helpdeskTok = add("helper", prof.HelpdeskAgents)
	_, po.salesTok = add("seller", prof.SalesAgents)
	po.nonAgentTok = tn.memberTok
	return po
}

// invite has the partner's admin agent make an invitation and returns its token.
func (h *harness) invite(po *partnerOrg, dap bool) string {
	h.t.Helper()
	r := h.do(po.adminTok, "POST", "/api/partner/invitations", map[string]any{"delegatedAdmin": dap})
	h.want(r, 201, "")
	return r.body["token"].(string)
}

// TestPartnerDAPStory runs seed 002 with real HTTP: a partner invites, the
// customer accepts with delegated admin, the partner's agents administer
// the customer with their own accounts, and the customer removes delegated
// admin, which refuses the agent at once.
func TestPartnerDAPStory(t *testing.T) {
	h := newHarness(t)
	po := h.newPartner("fabrikam")
	c := h.newTenant("contoso")
	as := func(tok string) []string {
		return []string{"Authorization", "Bearer " + tok, client.TenantHeader, c.id}
	}
	in := func(tok, method, path string, body any) response { return h.do("", method, path, body, as(tok)...) }

	// Who may invite: Admin and Sales agents, not a plain member.
	h.want(h.do(po.nonAgentTok, "POST", "/api/partner/invitations", map[string]any{"delegatedAdmin": true}), 403, "Authorization_RequestDenied")
	h.want(h.do(po.adminTok, "POST", "/api/partner/invitations", map[string]any{}), 400, "Request_BadRequest")
	sales := h.do(po.salesTok, "POST", "/api/partner/invitations", map[string]any{"delegatedAdmin": false})
	h.want(sales, 201, "")
	r := h.do(po.adminTok, "POST", "/api/partner/invitations", map[string]any{"delegatedAdmin": true})
	h.want(r, 201, "")
	token, link := r.body["token"].(string), r.body["url"].(string)
	if !strings.Contains(link, "invType=ResellerRelationship") || !strings.Contains(link, "partnerId="+po.id) ||
		!strings.Contains(link, "DAP=true") || !strings.HasSuffix(link, "#/BillingAccounts/partner-invitation/"+token) {
		t.Fatalf("invitation link %s", link)
	}
	if body := r.body["emailBody"].(string); !strings.Contains(body, link) || !strings.Contains(body, "Global admin rights") {
		t.Fatalf("email draft: %s", body)
	}
	h.wantAuditBy(po.tenant, "Create reseller invitation", po.id)

	// The customer: anyone may look, only a Global admin accepts, once.
	info := h.do(c.memberTok, "GET", "/api/partner/invitations/"+token, nil)
	h.want(info, 200, "")
	if info.body["partnerName"] != "Org fabrikam" || info.body["delegatedAdmin"] != true {
		t.Fatalf("invitation info: %s", info.raw)
	}
	h.want(h.do(c.memberTok, "POST", "/api/partner/invitations/"+token+"/accept", nil), 403, "Authorization_RequestDenied")
	tampered := token[:len(token)-2] + "xy"
	h.want(h.do(c.adminTok, "POST", "/api/partner/invitations/"+tampered+"/accept", nil), 400, "Request_BadRequest")
	h.want(h.do(c.adminTok, "POST", "/api/partner/invitations/"+po.id+"/accept", nil), 400, "Request_BadRequest")
	acc := h.do(c.adminTok, "POST", "/api/partner/invitations/"+token+"/accept", nil)
	h.want(acc, 200, "")
	if acc.body["delegatedAdmin"] != true {
		t.Fatalf("accepted: %s", acc.raw)
	}
	reused := h.do(c.adminTok, "POST", "/api/partner/invitations/"+token+"/accept", nil)
	h.want(reused, 400, "Request_BadRequest")
	if !strings.Contains(reused.errMessage(), "isn't valid") {
		t.Fatalf("reused link: %s", reused.raw)
	}
	// A partner can't accept its own invitation.
	h.want(h.do(po.adminTok, "POST", "/api/partner/invitations/"+sales.body["token"].(string)+"/accept", nil), 403, "")

	// The partner's Customers list and Graph contracts.
	cust := h.do(po.salesTok, "GET", "/api/partner/customers", nil)
	h.want(cust, 200, "")
	rows := cust.body["value"].([]any)
	if len(rows) != 1 || rows[0].(map[string]any)["tenantId"] != c.id || rows[0].(map[string]any)["delegatedAdmin"] != true {
		t.Fatalf("customers: %s", cust.raw)
	}
	contracts := h.do(po.adminTok, "GET", "/v1.0/contracts", nil)
	h.want(contracts, 200, "")
	if v := contracts.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["customerId"] != c.id ||
		v[0].(map[string]any)["contractType"] != "ResellerPartner" || v[0].(map[string]any)["defaultDomainName"] != c.domain {
		t.Fatalf("contracts: %s", contracts.raw)
	}
	h.want(h.do(c.adminTok, "GET", "/v1.0/contracts", nil), 400, "Request_BadRequest") // not a partner
	h.want(h.do(po.adminTok, "GET", "/v1.0/contracts?$top=0", nil), 400, "Request_BadRequest")
	h.want(h.do(po.adminTok, "GET", "/v1.0/contracts?$skiptoken=bogus", nil), 400, "Request_BadRequest")

	// DAP: the admin agent is Global admin in the customer, with its own account.
	target := h.newUser(c, "dana", nil)
	h.want(in(po.adminTok, "PATCH", "/v1.0/users/"+target.ID, map[string]any{"passwordProfile": map[string]any{"password": "Agent-Reset-7"}}), 204, "")
	ev := h.lastAudit(c)
	if ev.InitiatedBy.User == nil || ev.InitiatedBy.User.ID != po.adminAgent || !hasDetail(ev, "PartnerTenantId", po.id) ||
		!hasDetail(ev, "DelegationType", "DAP") || !hasDetail(ev, "PartnerDisplayName", "Org fabrikam") {
		t.Fatalf("customer audit of the agent's reset: %+v", ev)
	}
	// Implicit: the agent is no member of the customer's roles.
	roles := h.do(c.adminTok, "GET", "/v1.0/roleManagement/directory/roleAssignments", nil)
	h.want(roles, 200, "")
	if strings.Contains(string(roles.raw), po.adminAgent) {
		t.Fatalf("the agent shows among the customer's role assignments: %s", roles.raw)
	}
	// The helpdesk agent is a password admin: non-admins only.
	h.want(in(po.helpdeskTok, "PATCH", "/v1.0/users/"+target.ID, map[string]any{"passwordProfile": map[string]any{"password": "Helper-Reset-7"}}), 204, "")
	h.want(in(po.helpdeskTok, "PATCH", "/v1.0/users/"+c.adminID, map[string]any{"passwordProfile": map[string]any{"password": "Helper-Reset-7"}}), 403, "Authorization_RequestDenied")
	h.want(in(po.helpdeskTok, "PATCH", "/v1.0/users/"+target.ID, map[string]any{"jobTitle": "x"}), 403, "Authorization_RequestDenied")
	// A member outside the agent groups, and a sales agent, hold nothing there.
	refused := in(po.nonAgentTok, "GET", "/v1.0/users", nil)
	h.want(refused, 403, "Authorization_RequestDenied")
	h.want(in(po.salesTok, "GET", "/v1.0/users", nil), 403, "Authorization_RequestDenied")
	if fail := h.lastAudit(po.tenant); fail.ActivityDisplayName != "Act for customer" || fail.Result != "failure" {
		t.Fatalf("the refusal is not audited in the partner: %+v", fail)
	}
	// The customer's admin can't act in the partner, nor in an unknown tenant.
	h.want(h.do("", "GET", "/v1.0/users", nil, "Authorization", "Bearer "+c.adminTok, client.TenantHeader, po.id), 403, "Authorization_RequestDenied")
	h.want(h.do("", "GET", "/v1.0/users", nil, "Authorization", "Bearer "+po.adminTok, client.TenantHeader, "00000000-0000-0000-0000-000000000001"), 403, "Authorization_RequestDenied")
	// Acting for a customer isn't for one's own account or the partner's own work.
	h.want(in(po.adminTok, "GET", "/v1.0/me", nil), 403, "Authorization_RequestDenied")
	h.want(in(po.adminTok, "POST", "/api/partner/invitations", map[string]any{"delegatedAdmin": false}), 403, "Authorization_RequestDenied")

	// Support requests for the customer, while delegated admin lasts.
	sr := in(po.adminTok, "POST", "/api/support/requests", map[string]any{"title": "Mailbox question", "description": "Opened for Contoso by its partner.", "service": "mail",
		"contactEmail": "agent@" + po.domain})
	h.want(sr, 201, "")
	if p, _ := sr.body["onBehalfOfPartner"].(map[string]any); p["tenantId"] != po.id {
		t.Fatalf("support request on behalf: %s", sr.raw)
	}
	seen := h.do(c.adminTok, "GET", "/api/support/requests/"+sr.body["id"].(string), nil)
	h.want(seen, 200, "")

	// The partner's token from the customer's authority (password grant).
	status, tokBody := passwordGrant(t, h, c, url.Values{"client_id": {authn.CLIClientID}, "username": {po.adminUPN}, "password": {"Strong-Pass-1"}})
	if status != 200 {
		t.Fatalf("partner password grant at the customer: %d %v", status, tokBody)
	}
	h.want(h.do(tokBody["access_token"].(string), "GET", "/v1.0/users/"+target.ID, nil), 200, "")
	status, tokBody = passwordGrant(t, h, c, url.Values{"client_id": {authn.CLIClientID}, "username": {"seller@" + po.domain}, "password": {"Strong-Pass-1"}})
	if status != 400 || !strings.HasPrefix(tokBody["error_description"].(string), "AADSTS50020") {
		t.Fatalf("sales agent at the customer's authority: %d %v", status, tokBody)
	}

	// The admin agent creates an Azure subscription for the customer: the
	// partner's AdminAgents become its Owner, shown to the customer as a
	// foreign group.
	azure := h.do(po.adminTok, "POST", "/api/customers/"+c.id+"/azure/subscriptions", map[string]any{"displayName": "Contoso Azure plan"})
	h.want(azure, 201, "")
	subPath := "/api/customers/" + c.id + "/azure/subscriptions/" + azure.body["subscriptionId"].(string)
	custSub := "/api/azure/subscriptions/" + azure.body["subscriptionId"].(string)
	owner := ""
	for _, v := range h.do(c.adminTok, "GET", custSub+"/roleAssignments", nil).body["value"].([]any) {
		props := v.(map[string]any)["properties"].(map[string]any)
		if props["principalType"] == "ForeignGroup" && props["principalId"] == po.groups.AdminAgents &&
			strings.HasSuffix(props["roleDefinitionId"].(string), "/"+authz.ResourceOwner.ID) {
			owner = v.(map[string]any)["name"].(string)
		}
	}
	if owner == "" {
		t.Fatal("no Owner assignment of the partner's AdminAgents on the new subscription")
	}

	// The partner buys for its customer as reseller.
	buy := h.do(po.salesTok, "POST", "/api/partner/customers/"+c.id+"/subscriptions", map[string]any{"skuId": skuBasic, "quantity": 3})
	h.want(buy, 201, "")
	subs, err := c.admin.ListSubscriptions(bg)
	if err != nil || len(subs) != 1 || subs[0].PurchaseChannel != "partner" || subs[0].Partner.TenantID != po.id {
		t.Fatalf("customer's subscriptions: %+v %v", subs, err)
	}
	h.want(h.do(po.helpdeskTok, "POST", "/api/partner/customers/"+c.id+"/subscriptions", map[string]any{"skuId": skuBasic, "quantity": 1}), 403, "")

	// The customer's Partner relationships page; removing DAP refuses the agent at once.
	rels := h.do(c.adminTok, "GET", "/api/partnerRelationships", nil)
	h.want(rels, 200, "")
	if v := rels.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["delegatedAdmin"] != true {
		t.Fatalf("partner relationships: %s", rels.raw)
	}
	h.want(h.do(c.memberTok, "GET", "/api/partnerRelationships", nil), 403, "")
	h.want(in(po.adminTok, "DELETE", "/api/partnerRelationships/"+po.id+"/delegatedAdmin", nil), 403, "")
	h.want(h.do(c.adminTok, "DELETE", "/api/partnerRelationships/"+po.id+"/delegatedAdmin", nil), 204, "")
	h.want(h.do(c.adminTok, "DELETE", "/api/partnerRelationships/"+po.id+"/delegatedAdmin", nil), 400, "")
	h.want(in(po.adminTok, "GET", "/v1.0/users", nil), 403, "Authorization_RequestDenied")
	nl := h.do("", "GET", "/v1.0/users", nil, append(as(po.adminTok), "Accept-Language", "nl-NL")...)
	if !strings.HasPrefix(nl.errMessage(), "Uw account heeft geen gedelegeerde") {
		t.Fatalf("the refusal in Dutch: %s", nl.raw)
	}
	if knock := h.lastAudit(c); knock.ActivityDisplayName != "Act for customer" || knock.Result != "failure" ||
		knock.InitiatedBy.User.ID != po.adminAgent || !hasDetail(knock, "PartnerTenantId", po.id) {
		t.Fatalf("the customer's log of the refused agent: %+v", knock)
	}
	h.want(in(po.adminTok, "POST", "/api/support/requests", map[string]any{"title": "x", "description": "y", "service": "mail"}), 403, "")
	// The Azure Owner assignment survives removing DAP, until the customer removes it.
	h.want(h.do(po.adminTok, "GET", subPath, nil), 200, "")
	h.want(h.do(c.adminTok, "DELETE", custSub+"/roleAssignments/"+owner, nil), 204, "")
	h.want(h.do(po.adminTok, "GET", subPath, nil), 403, "Authorization_RequestDenied")
	// The reseller relationship stays.
	cust = h.do(po.adminTok, "GET", "/api/partner/customers", nil)
	if v := cust.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["delegatedAdmin"] != false {
		t.Fatalf("customers after DAP removal: %s", cust.raw)
	}

	// Both logs tell the story.
	for _, want := range []string{"Add partner to company", "Add delegated admin", "Create resource subscription", "Remove delegated admin"} {
		h.wantActivity(c, want)
		h.wantActivity(po.tenant, want)
	}
	act := h.do(po.adminTok, "GET", "/api/partner/activityLog", nil)
	h.want(act, 200, "")
	if !strings.Contains(string(act.raw), target.ID) || !strings.Contains(string(act.raw), `"customerTenantId":"`+c.id+`"`) {
		t.Fatalf("partner activity log: %s", act.raw)
	}
	h.want(h.do(c.adminTok, "GET", "/api/partner/activityLog", nil), 400, "")

	// Only the partner ends the reseller relationship, once nothing it sold is active.
	h.want(h.do(po.adminTok, "DELETE", "/api/partner/customers/"+c.id, nil), 403, "")
	end := h.do(po.tenant.adminTok, "DELETE", "/api/partner/customers/"+c.id, nil)
	h.want(end, 400, "Request_BadRequest")
	if end.errTarget() != "subscriptions" {
		t.Fatalf("ending with an active subscription: %s", end.raw)
	}
	if err := h.app.Store.Update(bg, c.id, func(tx directory.Tx) error {
		sub, err := tx.GetSubscription(buy.body["id"].(string))
		if err != nil {
			return err
		}
		sub.Status = directory.SubLockedOut
		return tx.PutSubscription(&sub)
	}); err != nil {
		t.Fatal(err)
	}
	h.want(h.do(po.tenant.adminTok, "DELETE", "/api/partner/customers/"+c.id, nil), 204, "")
	h.want(h.do(po.tenant.adminTok, "DELETE", "/api/partner/customers/"+c.id, nil), 404, "")
	if v := h.do(po.adminTok, "GET", "/api/partner/customers", nil).body["value"].([]any); len(v) != 0 {
		t.Fatalf("customers after the end: %v", v)
	}
	h.wantActivity(c, "Remove resource role assignment")
	h.wantActivity(c, "Remove partner from company")
	h.wantActivity(po.tenant, "Remove partner from company")
}

func hasDetail(e client.DirectoryAudit, key, value string) bool {
	for _, kv := range e.AdditionalDetails {
		if kv.Key == key && kv.Value == value {
			return true
		}
	}
	return false
}

// wantActivity checks that the tenant's audit log has an event of activity.
func (h *harness) wantActivity(tn *tenant, activity string) {
	h.t.Helper()
	page, err := tn.admin.ListAudit(bg, client.ListOptions{Filter: "activityDisplayName eq '" + activity + "'"})
	if err != nil || len(page.Value) == 0 {
		h.t.Fatalf("no %q in the audit log of %s: %v", activity, tn.domain, err)
	}
}

// TestPartnerAgentGroups: the agent groups can be neither renamed nor
// deleted, and changing their members needs roles.delegate, since it makes
// people admins of customers.
func TestPartnerAgentGroups(t *testing.T) {
	h := newHarness(t)
	po := h.newPartner("fabrikam")
	g := "/v1.0/groups/" + po.groups.AdminAgents
	h.want(h.do(po.tenant.adminTok, "PATCH", g, map[string]any{"displayName": "Admins"}), 400, "Request_BadRequest")
	h.want(h.do(po.tenant.adminTok, "PATCH", g, map[string]any{"description": "Our admin agents"}), 204, "")
	h.want(h.do(po.tenant.adminTok, "DELETE", g, nil), 400, "Request_BadRequest")
	_, userAdminTok := h.roleUser(po.tenant, "useradmin", authz.UserAdmin)
	x := h.newUser(po.tenant, "xavier", nil)
	ref := map[string]any{"@odata.id": h.url + "/v1.0/directoryObjects/" + x.ID}
	h.want(h.do(userAdminTok, "POST", g+"/members/$ref", ref), 403, "Authorization_RequestDenied")
	h.want(h.do(userAdminTok, "DELETE", g+"/members/"+po.adminAgent+"/$ref", nil), 403, "Authorization_RequestDenied")
	// An ordinary group is the User admin's to manage.
	other := h.do(userAdminTok, "POST", "/v1.0/groups", map[string]any{"displayName": "Team", "mailNickname": "team", "mailEnabled": false, "securityEnabled": true})
	h.want(other, 201, "")
	h.want(h.do(userAdminTok, "POST", "/v1.0/groups/"+other.body["id"].(string)+"/members/$ref", ref), 204, "")
	// Seed 001's partner roles are the agent groups.
	h.want(h.do(userAdminTok, "PUT", "/api/users/"+x.ID+"/partnerRole", map[string]any{"partnerRole": "fullAdministration"}), 403, "")
	h.want(h.do(po.tenant.adminTok, "PUT", "/api/users/"+x.ID+"/partnerRole", map[string]any{"partnerRole": "boss"}), 400, "Request_BadRequest")
	for _, role := range []string{"fullAdministration", "limitedAdministration", "none"} {
		set := h.do(po.tenant.adminTok, "PUT", "/api/users/"+x.ID+"/partnerRole", map[string]any{"partnerRole": role})
		h.want(set, 200, "")
		if got := h.do(po.tenant.adminTok, "GET", "/api/users/"+x.ID+"/partnerRole", nil); got.body["partnerRole"] != role {
			t.Fatalf("partner role after setting %s: %s", role, got.raw)
		}
	}
	if r := h.do(po.tenant.adminTok, "GET", "/api/users/"+po.helpdesk+"/partnerRole", nil); r.body["partnerRole"] != "limitedAdministration" {
		t.Fatalf("helpdesk agent's partner role: %s", r.raw)
	}
	prof := h.do(po.adminTok, "GET", "/api/partner", nil)
	h.want(prof, 200, "")
	if prof.body["isPartner"] != true || prof.body["agent"].(map[string]any)["admin"] != true || prof.body["dapEnabled"] != true {
		t.Fatalf("partner profile: %s", prof.raw)
	}
	// An ordinary tenant's users see no partner.
	c := h.newTenant("contoso")
	prof = h.do(c.adminTok, "GET", "/api/partner", nil)
	if prof.body["isPartner"] != false {
		t.Fatalf("profile of a customer: %s", prof.raw)
	}
	h.want(h.do(c.adminTok, "POST", "/api/partner/invitations", map[string]any{"delegatedAdmin": false}), 400, "Request_BadRequest")
}

// TestPartnerDAPDisabled: with DAP turned off for the deployment, a
// partner can't ask for it; a reseller relationship alone still works.
func TestPartnerDAPDisabled(t *testing.T) {
	h := newHarness(t, func(cfg *server.Config) { cfg.DisableDAP = true })
	po := h.newPartner("fabrikam")
	c := h.newTenant("contoso")
	r := h.do(po.adminTok, "POST", "/api/partner/invitations", map[string]any{"delegatedAdmin": true})
	h.want(r, 400, "Request_BadRequest")
	if r.errTarget() != "delegatedAdmin" {
		t.Fatalf("DAP refusal: %s", r.raw)
	}
	if prof := h.do(po.adminTok, "GET", "/api/partner", nil); prof.body["dapEnabled"] != false {
		t.Fatalf("profile: %s", prof.raw)
	}
	h.want(h.do(c.adminTok, "POST", "/api/partner/invitations/"+h.invite(po, false)+"/accept", nil), 200, "")
}

// TestPartnerCustomersPaging pages the customers and contracts by name
// with $top and the nextLink.
func TestPartnerCustomersPaging(t *testing.T) {
	h := newHarness(t)
	po := h.newPartner("fabrikam")
	var want []string
	for _, prefix := range []string{"delta", "alpha", "charlie", "bravo", "echo"} {
		c := h.newTenant(prefix)
		h.want(h.do(c.adminTok, "POST", "/api/partner/invitations/"+h.invite(po, false)+"/accept", nil), 200, "")
		want = append(want, "Org "+prefix)
	}
	slices.Sort(want)
	var got []string
	path := "/v1.0/contracts?$top=2"
	for pages := 0; path != ""; pages++ {
		if pages > 3 {
			t.Fatal("more pages than customers")
		}
		r := h.do(po.adminTok, "GET", path, nil)
		h.want(r, 200, "")
		for _, v := range r.body["value"].([]any) {
			got = append(got, v.(map[string]any)["displayName"].(string))
		}
		path, _ = r.body["@odata.nextLink"].(string)
		path = strings.TrimPrefix(path, h.url)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("contracts by page = %v, want %v", got, want)
	}
	all, err := client.New(h.url, po.salesTok).PartnerCustomers(bg)
	if err != nil || len(all) != 5 {
		t.Fatalf("all customers: %v, %v", all, err)
	}
}

// TestPartnerSession: the admin center asks for the session while acting
// in a customer and gets the customer's name with the agent's roles there.
func TestPartnerSession(t *testing.T) {
	h := newHarness(t)
	po := h.newPartner("fabrikam")
	c := h.newTenant("contoso")
	h.want(h.do(c.adminTok, "POST", "/api/partner/invitations/"+h.invite(po, true)+"/accept", nil), 200, "")
	r := h.do("", "GET", "/api/session", nil, "Authorization", "Bearer "+po.helpdeskTok, client.TenantHeader, c.id)
	h.want(r, 200, "")
	if r.body["tenantName"] != "Org contoso" || r.body["tenantId"] != c.id || r.body["isAdmin"] != true ||
		!strings.Contains(string(r.raw), `"passwords.reset"`) || strings.Contains(string(r.raw), `"users.write"`) {
		t.Fatalf("session in the customer: %s", r.raw)
	}
}

// TestInvitationTokenNotLogged: the access log shows an invitation's route
// without its token.
func TestInvitationTokenNotLogged(t *testing.T) {
	h := newHarness(t)
	po := h.newPartner("fabrikam")
	c := h.newTenant("contoso")
	token := h.invite(po, false)
	h.want(h.do(c.adminTok, "GET", "/api/partner/invitations/"+token, nil), 200, "")
	h.want(h.do(c.adminTok, "POST", "/api/partner/invitations/"+token+"/accept", nil), 200, "")
	_, secret, _ := strings.Cut(token, ".")
	logs := h.logs.String()
	if strings.Contains(logs, secret) || !strings.Contains(logs, "/api/partner/invitations/{token}/accept") {
		t.Fatalf("the access log:\n%s", logs)
	}
}

// TestPartnerRulesAtTheEdges: a partner with customers can't stop being
// one; its Global admin reads the customers without being an agent; and
// nobody acts in a customer without a user of their own (the operator's
// principal is not an agent).
func TestPartnerRulesAtTheEdges(t *testing.T) {
	h := newHarness(t)
	po := h.newPartner("fabrikam")
	c := h.newTenant("contoso")
	h.want(h.do(c.adminTok, "POST", "/api/partner/invitations/"+h.invite(po, true)+"/accept", nil), 200, "")
	op := authz.WithPrincipal(bg, authz.Operator)
	if _, err := h.app.Directory.SetPartner(op, po.id, false); directory.KindOf(err) != directory.KindInvalid {
		t.Fatalf("unsetting a partner with customers: %v", err)
	}
	if _, err := h.app.Directory.ActAs(bg, authz.Operator, c.id); err != directory.ErrNoDelegation {
		t.Fatalf("the operator acting as an agent: %v", err)
	}
	r := h.do(po.tenant.adminTok, "GET", "/v1.0/contracts", nil)
	h.want(r, 200, "")
	if v := r.body["value"].([]any); len(v) != 1 {
		t.Fatalf("the partner's Global admin reads contracts: %s", r.raw)
	}
	// The partner's Global admin is no agent: no DAP roles in the customer.
	h.want(h.do("", "GET", "/v1.0/users", nil, "Authorization", "Bearer "+po.tenant.adminTok, client.TenantHeader, c.id), 403, "Authorization_RequestDenied")
}
