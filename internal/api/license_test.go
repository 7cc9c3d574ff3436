package api_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

const (
	planMailP2  = "8251a59a-ef8e-4ca2-bd1e-2c6f0cb271ec"
	planFilesP1 = "7dd4f8eb-5a6a-4fbb-8e97-17e06220f750"
	planFilesP2 = "a896c54e-b687-48c4-b386-791ffed24d2b"
	planChat    = "51d374ca-f14d-44f8-8773-98e9775cb11b"
)

func assign(add []map[string]any, remove ...string) map[string]any {
	if add == nil {
		add = []map[string]any{}
	}
	if remove == nil {
		remove = []string{}
	}
	return map[string]any{"addLicenses": add, "removeLicenses": remove}
}

func lic(sku string, disabled ...string) map[string]any {
	if disabled == nil {
		disabled = []string{}
	}
	return map[string]any{"skuId": sku, "disabledPlans": disabled}
}

func (h *harness) skus(tn *tenant) map[string]client.SubscribedSku {
	h.t.Helper()
	list, err := tn.admin.SubscribedSkus(bg)
	if err != nil {
		h.t.Fatal(err)
	}
	out := map[string]client.SubscribedSku{}
	for _, s := range list {
		out[s.SkuID] = s
	}
	return out
}

func TestAssignLicense(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	for sku, n := range map[string]int{skuBasic: 2, skuE3: 1, skuDiag: 1} {
		if _, err := a.admin.BuyLicenses(bg, sku, n, ""); err != nil {
			t.Fatal(err)
		}
	}
	anna := h.newUser(a, "anna", map[string]any{"usageLocation": "NL"})
	path := "/v1.0/users/" + anna.ID + "/assignLicense"
	h.want(h.do("", "POST", path, assign(nil)), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "POST", path, assign(nil)), 403, "Authorization_RequestDenied")
	_, billTok := h.roleUser(a, "bill", authz.BillingAdmin)
	h.want(h.do(billTok, "POST", path, assign([]map[string]any{lic(skuBasic)})), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "POST", path, assign([]map[string]any{lic(skuBasic)})), 404, "Request_ResourceNotFound")

	r := h.do(a.adminTok, "POST", path, assign([]map[string]any{lic(skuBasic, planChat)}))
	h.want(r, 200, "")
	al := r.body["assignedLicenses"].([]any)
	if r.body["id"] != anna.ID || len(al) != 1 || al[0].(map[string]any)["skuId"] != skuBasic || al[0].(map[string]any)["disabledPlans"].([]any)[0] != planChat {
		t.Fatalf("assigned: %s", r.raw)
	}
	h.wantAuditBy(a, "Change user license", anna.ID)
	before := h.auditCount(a)
	if r := h.do(a.adminTok, "POST", path, assign(nil)); r.status != 200 || len(r.body["assignedLicenses"].([]any)) != 1 || h.auditCount(a) != before {
		t.Fatalf("an empty change: %s", r.raw)
	}
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 1 || s.PrepaidUnits.Enabled != 2 || s.CapabilityStatus != "Enabled" || s.ID != a.id+"_"+skuBasic || len(s.ServicePlans) != 5 {
		t.Fatalf("subscribedSku: %+v", s)
	}
	r = h.do(a.adminTok, "GET", "/v1.0/users/"+anna.ID+"/licenseDetails", nil)
	if r.status != 200 || len(r.body["value"].([]any)) != 1 {
		t.Fatalf("licenseDetails: %s", r.raw)
	}
	h.want(h.do(billTok, "GET", "/v1.0/users/"+anna.ID+"/licenseDetails", nil), 403, "Authorization_RequestDenied")
	h.want(h.do(billTok, "GET", "/v1.0/subscribedSkus", nil), 200, "")
	h.want(h.do(a.memberTok, "GET", "/v1.0/subscribedSkus", nil), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "GET", "/v1.0/subscribedSkus?$filter=skuId%20eq%20'x'", nil), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "GET", "/v1.0/subscribedSkus?$select=nope", nil), 400, "Request_BadRequest")
	r = h.do(a.adminTok, "GET", "/v1.0/subscribedSkus?$select=skuId,consumedUnits", nil)
	if v := r.body["value"].([]any); r.status != 200 || len(v) != 3 || len(v[0].(map[string]any)) != 2 {
		t.Fatalf("$select on subscribedSkus: %s", r.raw)
	}
	r = h.do(billTok, "GET", "/v1.0/subscribedSkus/"+a.id+"_"+skuBasic, nil)
	if r.status != 200 || r.body["skuPartNumber"] != "ATRIUM_BUSINESS_BASIC" || r.body["consumedUnits"] != 1.0 {
		t.Fatalf("one subscribedSku: %s", r.raw)
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/subscribedSkus/"+a.id+"_a58479e8-df11-48ee-8e94-9eac8065dc1e", nil), 404, "Request_ResourceNotFound")

	// E3 beside Basic: mail and files plans conflict unless switched off;
	// then E3's chat leans on Basic's files plan.
	h.want(h.do(a.adminTok, "POST", path, assign([]map[string]any{lic(skuE3)})), 400, "Request_BadRequest")
	r = h.do(a.adminTok, "POST", path, assign([]map[string]any{lic(skuE3, planMailP2, planFilesP2)}))
	h.want(r, 200, "")
	if s := h.skus(a); s[skuE3].ConsumedUnits != 1 || s[skuBasic].ConsumedUnits != 1 {
		t.Fatalf("two licenses: %+v", s)
	}
	// Replacing disabled plans takes no new seat.
	h.want(h.do(a.adminTok, "POST", path, assign([]map[string]any{lic(skuBasic)})), 200, "")
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 1 {
		t.Fatalf("replace took a seat: %+v", s)
	}

	noLoc := h.newUser(a, "noloc", nil)
	blocked := h.newUser(a, "blocked", map[string]any{"usageLocation": "NL", "accountEnabled": false})
	polar := h.newUser(a, "polar", map[string]any{"usageLocation": "AQ"})
	for name, c := range map[string]struct {
		user string
		body map[string]any
		msg  string
	}{
		"no location":    {noLoc.ID, assign([]map[string]any{lic(skuBasic)}), "License assignment cannot be done for user with invalid usage location."},
		"unknown sku":    {anna.ID, assign([]map[string]any{lic("00000000-0000-0000-0000-000000000001")}), "License 00000000-0000-0000-0000-000000000001 does not correspond to a valid company License."},
		"not owned":      {anna.ID, assign([]map[string]any{lic("a58479e8-df11-48ee-8e94-9eac8065dc1e")}), "License a58479e8-df11-48ee-8e94-9eac8065dc1e does not correspond to a valid company License."},
		"plan not in":    {anna.ID, assign([]map[string]any{lic(skuDiag, planChat)}), "Service plan " + planChat + " is not part of SKU " + skuDiag + "."},
		"not held":       {noLoc.ID, assign(nil, skuE3), "User does not have a corresponding license."},
		"both":           {anna.ID, assign([]map[string]any{lic(skuE3)}, skuE3), "License " + skuE3 + " is both added and removed."},
		"blocked":        {blocked.ID, assign([]map[string]any{lic(skuBasic)}), "User blocked@" + a.domain + " is blocked from signing in; unblock the account before assigning licenses."},
		"prohibited":     {polar.ID, assign([]map[string]any{lic(skuDiag)}), "ProhibitedInUsageLocationViolation: ATRIUM_DIAGRAMS isn't available in AQ."},
		"dependency":     {polar.ID, assign([]map[string]any{lic(skuBasic, planFilesP1)}), "DependencyViolation: ATRIUM_CHAT requires ATRIUM_FILES_P1 or ATRIUM_FILES_P2."},
		"conflict":       {anna.ID, assign([]map[string]any{lic(skuE3, planFilesP2)}), "MutuallyExclusiveViolation: ATRIUM_MAIL_P1 conflicts with ATRIUM_MAIL_P2. Turn one of them off."},
		"no free seat":   {polar.ID, assign([]map[string]any{lic(skuE3)}), "Subscription with SKU " + skuE3 + " does not have any available licenses."},
		"missing arrays": {anna.ID, map[string]any{"addLicenses": []any{}}, "Property 'removeLicenses' is required; send an empty array for none."},
	} {
		r := h.do(a.adminTok, "POST", "/v1.0/users/"+c.user+"/assignLicense", c.body)
		if r.status != 400 || r.errCode() != "Request_BadRequest" || r.errMessage() != c.msg {
			t.Errorf("%s: %d %s, want 400 %q", name, r.status, r.raw, c.msg)
		}
	}
	// Nothing was half-done: a failing request with a valid removal keeps it.
	h.want(h.do(a.adminTok, "POST", path, assign([]map[string]any{lic(skuDiag, planChat)}, skuBasic)), 400, "Request_BadRequest")
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 1 {
		t.Fatalf("half-done removal: %+v", s)
	}

	// A User management admin licenses non-admins, not admins (L2).
	_, umaTok := h.roleUser(a, "uma", authz.UserAdmin)
	h.want(h.do(umaTok, "POST", "/v1.0/users/"+a.adminID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 403, "Authorization_RequestDenied")
	h.want(h.do(umaTok, "POST", "/v1.0/users/"+polar.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")

	// A licensed user keeps a usage location where every enabled plan is offered.
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/users/"+polar.ID, map[string]any{"usageLocation": "BE"}), 204, "")
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+polar.ID+"/assignLicense", assign([]map[string]any{lic(skuDiag)})), 200, "")
	for loc, msg := range map[string]string{
		"AQ": "ProhibitedInUsageLocationViolation: ATRIUM_DIAGRAMS isn't available in AQ.",
		"":   "The user has licenses, which need a usage location; remove the licenses before clearing it.",
	} {
		var v any = loc
		if loc == "" {
			v = nil
		}
		r := h.do(a.adminTok, "PATCH", "/v1.0/users/"+polar.ID, map[string]any{"usageLocation": v})
		if r.status != 400 || r.errTarget() != "usageLocation" || r.errMessage() != msg {
			t.Errorf("usage location %q of a licensed user: %d %s", loc, r.status, r.raw)
		}
	}

	// assignedLicenses on the user, with $select, needs licenses.read.
	r = h.do(a.adminTok, "GET", "/v1.0/users/"+anna.ID+"?$select=id,assignedLicenses", nil)
	if r.status != 200 || len(r.body["assignedLicenses"].([]any)) != 2 || len(r.body) != 3 {
		t.Fatalf("$select=assignedLicenses: %s", r.raw)
	}
	r = h.do(a.adminTok, "GET", "/v1.0/users?$select=userPrincipalName,assignedLicenses", nil)
	if r.status != 200 || len(r.body["value"].([]any)) < 5 {
		t.Fatalf("list with assignedLicenses: %s", r.raw)
	}
	for _, v := range r.body["value"].([]any) {
		if u := v.(map[string]any); u["userPrincipalName"] == "anna@"+a.domain && len(u["assignedLicenses"].([]any)) != 2 {
			t.Fatalf("anna in the list: %v", u)
		}
	}
	h.want(h.do(billTok, "GET", "/v1.0/users/"+anna.ID+"?$select=assignedLicenses", nil), 403, "Authorization_RequestDenied")

	// Deleting a user frees the seats; the bill stays.
	if err := a.admin.DeleteUser(bg, anna.ID); err != nil {
		t.Fatal(err)
	}
	if s := h.skus(a); s[skuBasic].ConsumedUnits != 1 || s[skuE3].ConsumedUnits != 0 || s[skuE3].PrepaidUnits.Enabled != 1 {
		t.Fatalf("after delete: %+v", s)
	}
	h.want(h.do(a.adminTok, "POST", path, assign([]map[string]any{lic(skuBasic)})), 404, "Request_ResourceNotFound")
	// Restoring doesn't bring the licenses back.
	h.want(h.do(a.adminTok, "POST", "/v1.0/directory/deletedItems/"+anna.ID+"/restore", nil), 200, "")
	r = h.do(a.adminTok, "GET", "/v1.0/users/"+anna.ID+"/licenseDetails", nil)
	if r.status != 200 || len(r.body["value"].([]any)) != 0 || h.skus(a)[skuBasic].ConsumedUnits != 1 {
		t.Fatalf("restored user's licenses: %s", r.raw)
	}
}

func TestAssignLicenseAutoPurchase(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 1, ""); err != nil {
		t.Fatal(err)
	}
	u1 := h.newUser(a, "u1", map[string]any{"usageLocation": "NL"})
	u2 := h.newUser(a, "u2", map[string]any{"usageLocation": "NL"})
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+u1.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")
	body := assign([]map[string]any{lic(skuBasic)})
	body["autoPurchase"] = true
	_, umaTok := h.roleUser(a, "uma", authz.UserAdmin)
	h.want(h.do(umaTok, "POST", "/v1.0/users/"+u2.ID+"/assignLicense", body), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+u2.ID+"/assignLicense", body), 200, "")
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 2 || s.PrepaidUnits.Enabled != 2 {
		t.Fatalf("after auto purchase: %+v", s)
	}
	r := h.do(a.adminTok, "GET", "/api/billing/invoices", nil)
	if len(r.body["value"].([]any)) != 2 {
		t.Fatalf("invoices: %s", r.raw)
	}
	// A purchase that can't complete leaves nothing behind.
	body["addLicenses"] = []map[string]any{lic(skuBasic, planFilesP1)}
	u3 := h.newUser(a, "u3", map[string]any{"usageLocation": "NL"})
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+u3.ID+"/assignLicense", body), 400, "Request_BadRequest")
	if s := h.skus(a)[skuBasic]; s.PrepaidUnits.Enabled != 2 {
		t.Fatalf("failed assignment bought seats: %+v", s)
	}
}

// TestSeatsNeverOversell races many assignments for a few free seats.
func TestSeatsNeverOversell(t *testing.T) {
	const seats, attempts = 5, 24
	h := newHarness(t)
	a := h.newTenant("alpha")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, seats, ""); err != nil {
		t.Fatal(err)
	}
	users := make([]string, attempts)
	for i := range users {
		users[i] = h.newUser(a, fmt.Sprintf("u%d", i), map[string]any{"usageLocation": "NL"}).ID
	}
	var wg sync.WaitGroup
	results := make([]response, attempts)
	for i, id := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = h.do(a.adminTok, "POST", "/v1.0/users/"+id+"/assignLicense", assign([]map[string]any{lic(skuBasic)}))
		}()
	}
	wg.Wait()
	ok, full := 0, 0
	for _, r := range results {
		switch {
		case r.status == 200:
			ok++
		case r.status == 400 && r.errMessage() == "Subscription with SKU "+skuBasic+" does not have any available licenses.":
			full++
		default:
			t.Errorf("unexpected answer: %d %s", r.status, r.raw)
		}
	}
	s := h.skus(a)[skuBasic]
	t.Logf("%d seats, %d concurrent attempts: %d assigned, %d refused", seats, attempts, ok, full)
	if ok != seats || full != attempts-seats || s.ConsumedUnits != seats {
		t.Fatalf("%d assigned, %d refused, consumedUnits %d; want %d", ok, full, s.ConsumedUnits, seats)
	}
}

// TestConcurrentAssignmentsSucceed keeps several writers taking seats of
// one product at once, each with a free seat: every assignment succeeds,
// however often the writers collide on the seat counter.
func TestConcurrentAssignmentsSucceed(t *testing.T) {
	const workers, each = 4, 15
	h := newHarness(t)
	a := h.newTenant("alpha")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, workers*each, ""); err != nil {
		t.Fatal(err)
	}
	users := make([]string, workers*each)
	for i := range users {
		users[i] = h.newUser(a, fmt.Sprintf("u%d", i), map[string]any{"usageLocation": "NL"}).ID
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * each; i < (w+1)*each; i++ {
				if r := h.do(a.adminTok, "POST", "/v1.0/users/"+users[i]+"/assignLicense", assign([]map[string]any{lic(skuBasic)})); r.status != 200 {
					t.Errorf("assignment %d: %d %s", i, r.status, r.raw)
				}
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.Log(h.logs.String())
	}
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != workers*each {
		t.Fatalf("consumedUnits %d, want %d", s.ConsumedUnits, workers*each)
	}
}

// TestOverAssignment cancels seats that users hold: they keep their
// licenses, and the most recently assigned excess ones are in error.
func TestOverAssignment(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	partner := &directory.Subscription{ID: uuid.NewString(), SkuID: skuBasic, Quantity: 1, Status: directory.SubEnabled, Channel: "partner",
		PartnerName: "Fabrikam Reseller", CreatedAt: time.Now().UTC()}
	if err := h.app.Store.Update(bg, a.id, func(tx directory.Tx) error { return tx.PutSubscription(partner) }); err != nil {
		t.Fatal(err)
	}
	o, err := a.admin.BuyLicenses(bg, skuBasic, 2, "")
	if err != nil || h.skus(a)[skuBasic].PrepaidUnits.Enabled != 3 {
		t.Fatalf("buy: %+v, %v", o, err)
	}
	var ids []string
	for i := 0; i < 3; i++ {
		u := h.newUser(a, fmt.Sprintf("u%d", i), map[string]any{"usageLocation": "NL"})
		h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+u.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")
		ids = append(ids, u.ID)
	}
	h.want(h.do(a.adminTok, "POST", "/api/billing/subscriptions/"+o.SubscriptionID+"/cancel", nil), 200, "")
	for i, id := range ids {
		r := h.do(a.adminTok, "GET", "/v1.0/users/"+id+"?$select=assignedLicenses,licenseAssignmentStates", nil)
		states := r.body["licenseAssignmentStates"].([]any)
		want := map[bool]string{false: "Active", true: "Error"}[i > 0]
		if r.status != 200 || len(states) != 1 || states[0].(map[string]any)["state"] != want || len(r.body["assignedLicenses"].([]any)) != 1 {
			t.Errorf("user %d: %s, want %s", i, r.raw, want)
		}
	}
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 3 || s.PrepaidUnits.Enabled != 1 || s.PrepaidUnits.LockedOut != 2 {
		t.Fatalf("seats: %+v", s)
	}
}
