package api_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
)

// TestOtherTenantSeesNothing calls every endpoint that names an object
// with the admin token of another tenant: always 404, never 403, and
// nothing changes.
func TestOtherTenantSeesNothing(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	u := h.newUser(a, "joep", nil)
	g, err := a.admin.CreateGroup(bg, map[string]any{"displayName": "G", "mailNickname": "g", "mailEnabled": false, "securityEnabled": true})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.admin.AddMember(bg, g.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.admin.AddOwner(bg, g.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.admin.AddDomain(bg, "alpha-only.example"); err != nil {
		t.Fatal(err)
	}
	gone := h.newUser(a, "gone", nil)
	if err := a.admin.DeleteUser(bg, gone.ID); err != nil {
		t.Fatal(err)
	}
	sr, err := a.admin.CreateSupportRequest(bg, client.SupportRequest{Title: "Alpha's problem", Description: "d", Service: "mail"})
	if err != nil {
		t.Fatal(err)
	}
	dev, err := a.admin.CreateDevice(bg, map[string]any{"displayName": "Alpha laptop"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.admin.AddDeviceOwner(bg, dev.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	bought, err := a.admin.BuyLicenses(bg, skuBasic, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	invs, err := a.admin.ListInvoices(bg)
	if err != nil || len(invs) != 1 {
		t.Fatalf("invoices: %+v, %v", invs, err)
	}
	azSub := h.do(a.adminTok, "POST", "/api/azure/subscriptions", map[string]any{"displayName": "Alpha plan"}).body["subscriptionId"].(string)
	apDev := h.do(a.adminTok, "POST", "/api/devices/autopilot", map[string]any{"devices": []any{map[string]any{"productKey": "PK-A"}}}).
		body["value"].([]any)[0].(map[string]any)["id"].(string)
	apProf := h.do(a.adminTok, "POST", "/api/devices/autopilot/profiles", map[string]any{"name": "Alpha OOBE"}).body["id"].(string)
	owner := map[string]any{"properties": map[string]any{"roleDefinitionId": "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "principalId": b.adminID, "principalType": "User"}}
	before := h.auditCount(a)
	ref := map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + b.memberID}
	calls := []struct {
		method, path string
		body         any
	}{
		{"GET", "/v1.0/users/" + u.ID, nil},
		{"GET", "/v1.0/users/joep@" + a.domain, nil},
		{"PATCH", "/v1.0/users/joep@" + a.domain, map[string]any{"jobTitle": "x"}},
		{"DELETE", "/v1.0/users/" + u.ID, nil},
		{"GET", "/v1.0/users/" + u.ID + "/memberOf", nil},
		{"GET", "/v1.0/users/" + u.ID + "/photo", nil},
		{"GET", "/v1.0/users/" + u.ID + "/photos/96x96/$value", nil},
		{"GET", "/v1.0/directory/deletedItems/" + gone.ID, nil},
		{"POST", "/v1.0/directory/deletedItems/" + gone.ID + "/restore", nil},
		{"DELETE", "/v1.0/directory/deletedItems/" + gone.ID, nil},
		{"GET", "/v1.0/groups/" + g.ID, nil},
		{"PATCH", "/v1.0/groups/" + g.ID, map[string]any{"description": "x"}},
		{"DELETE", "/v1.0/groups/" + g.ID, nil},
		{"GET", "/v1.0/groups/" + g.ID + "/members", nil},
		{"GET", "/v1.0/groups/" + g.ID + "/owners", nil},
		{"GET", "/v1.0/groups/" + g.ID + "/memberOf", nil},
		{"POST", "/v1.0/groups/" + g.ID + "/members/$ref", ref},
		{"POST", "/v1.0/groups/" + g.ID + "/owners/$ref", ref},
		{"DELETE", "/v1.0/groups/" + g.ID + "/members/" + u.ID + "/$ref", nil},
		{"DELETE", "/v1.0/groups/" + g.ID + "/owners/" + u.ID + "/$ref", nil},
		{"GET", "/v1.0/domains/alpha-only.example", nil},
		{"GET", "/v1.0/domains/alpha-only.example/verificationDnsRecords", nil},
		{"POST", "/v1.0/domains/alpha-only.example/verify", nil},
		{"PATCH", "/v1.0/domains/" + a.domain, map[string]any{"isDefault": true}},
		{"DELETE", "/v1.0/domains/alpha-only.example", nil},
		{"GET", "/v1.0/organization/" + a.id, nil},
		{"PATCH", "/v1.0/organization/" + a.id, map[string]any{"city": "x"}},
		{"GET", "/v1.0/users/" + u.ID + "/registeredDevices", nil},
		{"GET", "/v1.0/devices/" + dev.ID, nil},
		{"PATCH", "/v1.0/devices/" + dev.ID, map[string]any{"displayName": "x"}},
		{"DELETE", "/v1.0/devices/" + dev.ID, nil},
		{"GET", "/v1.0/devices/" + dev.ID + "/registeredOwners", nil},
		{"POST", "/v1.0/devices/" + dev.ID + "/registeredOwners/$ref", ref},
		{"DELETE", "/v1.0/devices/" + dev.ID + "/registeredOwners/" + u.ID + "/$ref", nil},
		{"GET", "/v1.0/directory/onPremisesSynchronization/" + a.id, nil},
		{"PATCH", "/v1.0/directory/onPremisesSynchronization/" + a.id, map[string]any{"features": map[string]any{"blockSoftMatchEnabled": true}}},
		{"GET", "/api/support/requests/" + sr.ID, nil},
		{"POST", "/api/support/requests/" + sr.ID + "/messages", map[string]any{"text": "x"}},
		{"POST", "/api/support/requests/" + sr.ID + "/close", nil},
		{"PATCH", "/api/billing/subscriptions/" + bought.SubscriptionID, map[string]any{"quantity": 1}},
		{"POST", "/api/billing/subscriptions/" + bought.SubscriptionID + "/cancel", nil},
		{"POST", "/v1.0/users/" + u.ID + "/assignLicense", map[string]any{"addLicenses": []any{}, "removeLicenses": []any{}}},
		{"GET", "/v1.0/users/" + u.ID + "/licenseDetails", nil},
		{"GET", "/api/users/" + u.ID + "/installs", nil},
		{"GET", "/v1.0/subscribedSkus/" + a.id + "_" + skuBasic, nil},
		{"GET", "/api/billing/invoices/" + invs[0].ID, nil},
		{"GET", "/api/azure/subscriptions/" + azSub, nil},
		{"GET", "/api/azure/subscriptions/" + azSub + "/roleAssignments", nil},
		{"POST", "/api/azure/subscriptions/" + azSub + "/roleAssignments", owner},
		{"DELETE", "/api/azure/subscriptions/" + azSub + "/roleAssignments/" + azSub, nil},
		{"GET", "/api/customers/" + a.id + "/azure/subscriptions", nil},
		{"POST", "/api/customers/" + a.id + "/azure/subscriptions", map[string]any{"displayName": "x"}},
		{"GET", "/api/customers/" + a.id + "/azure/subscriptions/" + azSub, nil},
		{"GET", "/api/devices/autopilot/" + apDev, nil},
		{"DELETE", "/api/devices/autopilot/" + apDev, nil},
		{"POST", "/api/devices/autopilot/" + apDev + "/profile", map[string]any{"profileId": nil}},
		{"PATCH", "/api/devices/autopilot/profiles/" + apProf, map[string]any{"name": "x"}},
		{"DELETE", "/api/devices/autopilot/profiles/" + apProf, nil},
		{"GET", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities/" + apDev, nil},
		{"DELETE", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities/" + apDev, nil},
		{"GET", "/api/customers/" + a.id + "/devices", nil},
		{"GET", "/api/customers/" + a.id + "/devices/" + apDev, nil},
		{"DELETE", "/api/customers/" + a.id + "/devices/" + apDev, nil},
		{"GET", "/api/customers/" + a.id + "/deploymentProfiles", nil},
		{"DELETE", "/api/customers/" + a.id + "/deploymentProfiles/" + apProf, nil},
	}
	for _, c := range calls {
		r := h.do(b.adminTok, c.method, c.path, c.body)
		if r.status != 404 || r.errCode() != "Request_ResourceNotFound" {
			t.Errorf("%s %s as another tenant's admin: %d %s", c.method, c.path, r.status, r.raw)
		}
		leaks := func(s string) bool { return strings.Contains(string(r.raw), s) && !strings.Contains(c.path, s) } // echoing the request is fine
		if leaks(a.id) || leaks("joep") || leaks(u.ID) {
			t.Errorf("%s %s leaks tenant A's data: %s", c.method, c.path, r.raw)
		}
	}
	// Lists never show A's objects.
	for _, path := range []string{"/v1.0/users", "/v1.0/groups", "/v1.0/domains", "/v1.0/directory/deletedItems/microsoft.graph.user",
		"/v1.0/auditLogs/directoryAudits", "/api/support/requests", "/v1.0/devices", "/v1.0/users?$filter=" + url.QueryEscape("id eq '"+u.ID+"'"),
		"/api/billing/subscriptions", "/api/billing/orders", "/api/billing/invoices", "/v1.0/subscribedSkus", "/api/azure/subscriptions",
		"/api/devices/autopilot", "/api/devices/autopilot/profiles", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities"} {
		r := h.do(b.adminTok, "GET", path, nil)
		if r.status != 200 || strings.Contains(string(r.raw), u.ID) || strings.Contains(string(r.raw), "alpha") || strings.Contains(string(r.raw), sr.ID) || strings.Contains(string(r.raw), dev.ID) ||
			strings.Contains(string(r.raw), bought.SubscriptionID) || strings.Contains(string(r.raw), skuBasic) ||
			strings.Contains(string(r.raw), azSub) || strings.Contains(string(r.raw), apDev) || strings.Contains(string(r.raw), apProf) {
			t.Errorf("GET %s as tenant B: %d %s", path, r.status, r.raw)
		}
	}
	if after := h.auditCount(a); after != before {
		t.Errorf("tenant B's calls wrote %d audit events in tenant A", after-before)
	}
	if got, _ := a.admin.GetUser(bg, u.ID, "jobTitle"); got.JobTitle != nil {
		t.Error("tenant B changed A's user")
	}
}

// TestRobustness sends inputs that once reached a database error.
func TestRobustness(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	for _, path := range []string{
		"/v1.0/users/a%00b@x.example", "/v1.0/domains/a%00b.example", "/v1.0/domains/a%00b.example/verificationDnsRecords",
		"/v1.0/users?$filter=" + url.QueryEscape("displayName eq 'a\x00b'"), "/v1.0/users?$filter=" + url.QueryEscape("givenName eq '\x00'"),
		"/v1.0/users?$filter=" + url.QueryEscape("id eq '\x00'"), "/v1.0/users/%ff%fe@x.example",
	} {
		r := h.do(a.adminTok, "GET", path, nil)
		if r.status >= 500 || r.errCode() == "generalException" {
			t.Errorf("GET %s: %d %s", path, r.status, r.raw)
		}
	}
	// The options of a paged query are bound to its skip token, whatever
	// their spelling.
	seedUsers(h, a, 5)
	r := h.do(a.adminTok, "GET", "/v1.0/users?$top=2&$FILTER="+url.QueryEscape("startswith(displayName,'Person')"), nil)
	h.want(r, 200, "")
	next, _ := url.Parse(r.body["@odata.nextLink"].(string))
	tok := next.Query().Get("$skiptoken")
	r = h.do(a.adminTok, "GET", "/v1.0/users?$FILTER="+url.QueryEscape("startswith(displayName,'Member')")+"&$skiptoken="+url.QueryEscape(tok), nil)
	h.want(r, 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "GET", "/v1.0/users?$filter=a%20eq%201&$FILTER=b%20eq%202", nil), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "GET", "/v1.0/domains?$top=1", nil), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "GET", "/v1.0/organization?$select=id", nil), 400, "Request_BadRequest")
	// memberOf works with a user principal name, like every /users/{id} path.
	h.want(h.do(a.adminTok, "GET", "/v1.0/users/member@"+a.domain+"/memberOf", nil), 200, "")
	// A user's mail must be in a verified domain, like the user name.
	r = h.do(a.adminTok, "POST", "/v1.0/users", map[string]any{"accountEnabled": true, "displayName": "M", "mailNickname": "m",
		"userPrincipalName": "m@" + a.domain, "mail": "ceo@someone-else.example", "passwordProfile": map[string]any{"password": "Strong-Pass-1"}})
	if r.status != 400 || r.errTarget() != "mail" {
		t.Errorf("mail in an unverified domain: %d %s", r.status, r.raw)
	}
}

func TestSignupRateLimit(t *testing.T) {
	h := newHarness(t)
	limited := false
	for i := 0; i < 12 && !limited; i++ {
		r := h.do("", "POST", "/api/signup", map[string]any{"name": "X"}) // refused input still counts
		if r.status == 429 {
			limited = true
			if r.header.Get("Retry-After") == "" || r.errCode() != "TooManyRequests" {
				t.Errorf("429 without Retry-After or code: %s", r.raw)
			}
		}
	}
	if !limited {
		t.Fatal("12 sign-ups from one address in a row were all let through")
	}
}
