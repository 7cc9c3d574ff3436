package api_test

import (
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

const (
	skuBasic = "4c379c46-e966-4606-9a6c-1c591d62591d"
	skuE3    = "b7a466aa-5c88-48d5-b655-fb52369ec5b8"
	skuDiag  = "6a15f4c7-c62b-41f9-8725-bd5b779ef099"
)

func TestBillingOrders(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	order := map[string]any{"skuId": skuBasic, "quantity": 5}
	h.want(h.do("", "POST", "/api/billing/orders", order), 401, "InvalidAuthenticationToken")
	_, userAdminTok := h.roleUser(a, "uma", authz.UserAdmin)
	h.want(h.do(userAdminTok, "POST", "/api/billing/orders", order), 403, "Authorization_RequestDenied")
	h.want(h.do(userAdminTok, "GET", "/api/billing/subscriptions", nil), 403, "Authorization_RequestDenied")
	_, billTok := h.roleUser(a, "bill", authz.BillingAdmin)

	r := h.do(billTok, "POST", "/api/billing/orders", order, "Idempotency-Key", "k1")
	h.want(r, 201, "")
	sub := r.body["subscription"].(map[string]any)
	if r.body["quantity"] != 5.0 || sub["quantity"] != 5.0 || sub["status"] != "Enabled" || sub["purchaseChannel"] != "direct" {
		t.Fatalf("order: %s", r.raw)
	}
	h.wantAuditBy(a, "Purchase licenses", sub["id"].(string))
	// The same key again: the first order, nothing bought twice.
	r2 := h.do(billTok, "POST", "/api/billing/orders", order, "Idempotency-Key", "k1")
	h.want(r2, 200, "")
	if r2.body["id"] != r.body["id"] || r2.body["subscription"].(map[string]any)["quantity"] != 5.0 {
		t.Fatalf("replayed order: %s", r2.raw)
	}
	h.want(h.do(billTok, "POST", "/api/billing/orders", map[string]any{"skuId": skuBasic, "quantity": 6}, "Idempotency-Key", "k1"), 400, "Request_BadRequest")
	// More seats grow the same subscription.
	more, err := a.admin.BuyLicenses(bg, skuBasic, 3, "")
	if err != nil || more.Subscription.Quantity != 8 || more.SubscriptionID != sub["id"] {
		t.Fatalf("more seats: %+v, %v", more, err)
	}
	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"negative":    {map[string]any{"skuId": skuBasic, "quantity": -1}, "quantity"},
		"absurd":      {map[string]any{"skuId": skuBasic, "quantity": 1e9}, "quantity"},
		"fraction":    {map[string]any{"skuId": skuBasic, "quantity": 1.5}, "quantity"},
		"no quantity": {map[string]any{"skuId": skuBasic}, "quantity"},
		"unknown sku": {map[string]any{"skuId": "00000000-0000-0000-0000-000000000000", "quantity": 1}, "skuId"},
		"over max":    {map[string]any{"skuId": skuBasic, "quantity": 293}, "quantity"},
		"extra":       {map[string]any{"skuId": skuBasic, "quantity": 1, "coupon": "x"}, "coupon"},
	} {
		r := h.do(billTok, "POST", "/api/billing/orders", c.body)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d %q, want 400 naming %s: %s", name, r.status, r.errTarget(), c.target, r.raw)
		}
	}
	if r := h.do(billTok, "POST", "/api/billing/orders", map[string]any{"skuId": skuBasic, "quantity": 293}); r.errMessage() != "Atrium Business Basic allows at most 300 licenses per organization." {
		t.Errorf("max message: %s", r.errMessage())
	}

	subs, err := a.admin.ListSubscriptions(bg)
	if err != nil || len(subs) != 1 || subs[0].Quantity != 8 || subs[0].UnitPrice.Amount != 6 || subs[0].SkuPartNumber != "ATRIUM_BUSINESS_BASIC" {
		t.Fatalf("subscriptions: %+v, %v", subs, err)
	}
	r = h.do(billTok, "GET", "/api/billing/invoices", nil)
	h.want(r, 200, "")
	invs := r.body["value"].([]any)
	last := invs[len(invs)-1].(map[string]any)
	if len(invs) != 2 || last["status"] != "due" || last["total"].(map[string]any)["amount"] != 30.0 || last["total"].(map[string]any)["currency"] != "EUR" {
		t.Fatalf("invoices: %s", r.raw)
	}
	one := h.do(billTok, "GET", "/api/billing/invoices/"+last["id"].(string), nil)
	if one.status != 200 || one.body["orderId"] != last["orderId"] || len(one.body["lines"].([]any)) != 1 ||
		one.body["lines"].([]any)[0].(map[string]any)["unitPrice"].(map[string]any)["amount"] != 6.0 {
		t.Fatalf("one invoice: %s", one.raw)
	}
	h.want(h.do(userAdminTok, "GET", "/api/billing/invoices/"+last["id"].(string), nil), 403, "Authorization_RequestDenied")
	h.want(h.do(billTok, "GET", "/api/billing/invoices/nope", nil), 404, "Request_ResourceNotFound")
	if r := h.do(billTok, "GET", "/api/billing/orders", nil); r.status != 200 || len(r.body["value"].([]any)) != 2 {
		t.Fatalf("orders: %s", r.raw)
	}
	// Another tenant sees none of it and can't touch the subscription.
	if s, err := b.admin.ListSubscriptions(bg); err != nil || len(s) != 0 {
		t.Fatalf("tenant B subscriptions: %+v, %v", s, err)
	}
	h.want(h.do(b.adminTok, "PATCH", "/api/billing/subscriptions/"+subs[0].ID, map[string]any{"quantity": 1}), 404, "Request_ResourceNotFound")

	// Fewer seats: fine above the consumed ones.
	if s, err := a.admin.SetSeats(bg, subs[0].ID, 6); err != nil || s.Quantity != 6 {
		t.Fatalf("set seats: %+v, %v", s, err)
	}
	h.wantAuditBy(a, "Remove licenses", subs[0].ID)
	h.want(h.do(billTok, "PATCH", "/api/billing/subscriptions/"+subs[0].ID, map[string]any{"quantity": -2}), 400, "Request_BadRequest")
}

func TestSubscriptionCancelAndPartner(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	_, billTok := h.roleUser(a, "bill", authz.BillingAdmin)
	partner := &directory.Subscription{ID: uuid.NewString(), SkuID: skuE3, Quantity: 4, Status: directory.SubEnabled, Channel: "partner",
		PartnerTenantID: uuid.NewString(), PartnerName: "Fabrikam Reseller", CreatedAt: time.Now().UTC()}
	if err := h.app.Store.Update(bg, a.id, func(tx directory.Tx) error { return tx.PutSubscription(partner) }); err != nil {
		t.Fatal(err)
	}
	for _, r := range []response{
		h.do(billTok, "PATCH", "/api/billing/subscriptions/"+partner.ID, map[string]any{"quantity": 1}),
		h.do(billTok, "POST", "/api/billing/subscriptions/"+partner.ID+"/cancel", nil),
	} {
		if r.status != 400 || r.errMessage() != "Bought through Fabrikam Reseller. Contact them to make changes." {
			t.Errorf("change of a partner subscription: %d %s", r.status, r.raw)
		}
	}
	subs, err := a.admin.ListSubscriptions(bg)
	if err != nil || len(subs) != 1 || subs[0].PurchaseChannel != "partner" || subs[0].Partner.DisplayName != "Fabrikam Reseller" {
		t.Fatalf("partner subscription: %+v, %v", subs, err)
	}

	// Seats of a partner's product aren't bought while assigning.
	if err := h.app.Store.Update(bg, a.id, func(tx directory.Tx) error {
		return tx.PutSeats(&directory.Seats{SkuID: skuE3, Enabled: 4, Consumed: 4})
	}); err != nil {
		t.Fatal(err)
	}
	u0 := h.newUser(a, "zoe", map[string]any{"usageLocation": "NL"})
	body := assign([]map[string]any{lic(skuE3)})
	body["autoPurchase"] = true
	r := h.do(a.adminTok, "POST", "/v1.0/users/"+u0.ID+"/assignLicense", body)
	if r.status != 400 || r.errMessage() != "Atrium Enterprise E3 was bought through Fabrikam Reseller. Contact them to buy more licenses." {
		t.Errorf("auto purchase of a partner's product: %d %s", r.status, r.raw)
	}

	o, err := a.admin.BuyLicenses(bg, skuBasic, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	cancel := "/api/billing/subscriptions/" + o.SubscriptionID + "/cancel"
	h.want(h.do("", "POST", cancel, nil), 401, "InvalidAuthenticationToken")
	_, umaTok := h.roleUser(a, "uma", authz.UserAdmin)
	h.want(h.do(umaTok, "POST", cancel, nil), 403, "Authorization_RequestDenied")
	r = h.do(billTok, "POST", cancel, nil)
	if r.status != 200 || r.body["status"] != "LockedOut" {
		t.Fatalf("cancel: %s", r.raw)
	}
	h.wantAuditBy(a, "Cancel subscription", o.SubscriptionID)
	h.want(h.do(billTok, "POST", cancel, nil), 400, "Request_BadRequest")
	if s := h.skus(a)[skuBasic]; s.PrepaidUnits.LockedOut != 2 || s.PrepaidUnits.Enabled != 0 || s.CapabilityStatus != "LockedOut" {
		t.Fatalf("after cancel: %+v", s)
	}
	u := h.newUser(a, "anna", map[string]any{"usageLocation": "NL"})
	r = h.do(a.adminTok, "POST", "/v1.0/users/"+u.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)}))
	if r.status != 400 || r.errMessage() != "Subscription with SKU "+skuBasic+" does not have any available licenses." {
		t.Fatalf("assign from a cancelled subscription: %s", r.raw)
	}
	// Buying again makes a new subscription; the cancelled seats don't count toward the maximum.
	again, err := a.admin.BuyLicenses(bg, skuBasic, 300, "")
	if err != nil || again.SubscriptionID == o.SubscriptionID || again.Subscription.Status != "Enabled" {
		t.Fatalf("buy again: %+v, %v", again, err)
	}
}

// TestOrderIdempotentUnderRetries sends one order several times at once
// with one Idempotency-Key, as a client retrying over a bad network: the
// seats are bought once and every answer names the same order.
func TestOrderIdempotentUnderRetries(t *testing.T) {
	const tries = 6
	h := newHarness(t)
	a := h.newTenant("alpha")
	var wg sync.WaitGroup
	ids := make([]string, tries)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o, err := a.admin.BuyLicenses(bg, skuBasic, 3, "retry-1")
			if err != nil {
				t.Errorf("try %d: %v", i, err)
				return
			}
			ids[i] = o.ID
		}()
	}
	wg.Wait()
	subs, err := a.admin.ListSubscriptions(bg)
	if err != nil || len(subs) != 1 || subs[0].Quantity != 3 {
		t.Fatalf("after %d tries: %+v, %v", tries, subs, err)
	}
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("different orders: %v", ids)
		}
	}
}
