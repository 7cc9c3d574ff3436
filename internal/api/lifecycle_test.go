package api_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/server"
	"github.com/google/uuid"
)

// fakeClock is the directory's clock in lifecycle tests; the server's
// goroutines read it while the test moves it.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *fakeClock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// newClockHarness is a harness whose directory runs on a clock the test
// moves, from 15 January 2026.
func newClockHarness(t *testing.T) (*harness, *fakeClock) {
	clk := &fakeClock{now: time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)}
	return newHarness(t, func(c *server.Config) { c.Now = clk.Now }), clk
}

// advance runs the lifecycle job once and checks how many steps it took.
func (h *harness) advance(want int) {
	h.t.Helper()
	if n, err := h.app.Directory.AdvanceSubscriptions(bg); err != nil || n != want {
		h.t.Fatalf("AdvanceSubscriptions = %d, %v; want %d", n, err, want)
	}
}

// subscription returns the tenant's subscription id, nil when it is gone.
func (h *harness) subscription(tn *tenant, id string) *client.Subscription {
	h.t.Helper()
	subs, err := tn.admin.ListSubscriptions(bg)
	if err != nil {
		h.t.Fatal(err)
	}
	for i := range subs {
		if subs[i].ID == id {
			return &subs[i]
		}
	}
	return nil
}

// wantJobAudit checks that the newest audit event is the lifecycle job's
// activity on the subscription, in category Billing.
func (h *harness) wantJobAudit(tn *tenant, activity, id string) {
	h.t.Helper()
	a := h.lastAudit(tn)
	if a.ActivityDisplayName != activity || a.Category != "Billing" || a.TargetResources[0].ID != id ||
		a.InitiatedBy.User != nil || a.InitiatedBy.App == nil || a.InitiatedBy.App.DisplayName != "Atrium" {
		h.t.Fatalf("last audit %+v, want %q on %s by Atrium", a, activity, id)
	}
}

func (h *harness) invoiceCount(tn *tenant) int {
	h.t.Helper()
	invs, err := tn.admin.ListInvoices(bg)
	if err != nil {
		h.t.Fatal(err)
	}
	return len(invs)
}

// TestSubscriptionLifecycle lets a subscription without recurring billing
// run out: Warning for 30 days, Suspended for 90, then Deleted, with the
// buckets of subscribedSkus at each step; users keep their licenses, the
// newest excess one in error.
func TestSubscriptionLifecycle(t *testing.T) {
	h, clk := newClockHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	start := clk.Now()
	o, err := a.admin.BuyLicenses(bg, skuBasic, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	id := o.SubscriptionID
	if s := o.Subscription; !s.AutoRenew || !s.EndDateTime.Equal(start.AddDate(0, 1, 0)) || !s.StatusChangedDateTime.Equal(start) {
		t.Fatalf("new subscription: %+v", s)
	}
	var users []string
	for i := 0; i < 2; i++ {
		clk.Add(time.Second)
		u := h.newUser(a, fmt.Sprintf("u%d", i), map[string]any{"usageLocation": "NL"})
		h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+u.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")
		users = append(users, u.ID)
	}
	_, err = b.admin.BuyLicenses(bg, skuBasic, 1, "") // renews on its own, untouched by A's steps
	if err != nil {
		t.Fatal(err)
	}

	path := "/api/billing/subscriptions/" + id
	off := map[string]any{"autoRenew": false}
	h.want(h.do("", "PATCH", path, off), 401, "InvalidAuthenticationToken")
	_, umaTok := h.roleUser(a, "uma", authz.UserAdmin)
	h.want(h.do(umaTok, "PATCH", path, off), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "PATCH", path, off), 404, "Request_ResourceNotFound")
	for name, c := range map[string]struct {
		body   any
		target string
	}{
		"string":  {map[string]any{"autoRenew": "no"}, "autoRenew"},
		"null":    {map[string]any{"autoRenew": nil}, "autoRenew"},
		"nothing": {map[string]any{}, "quantity"},
		"extra":   {map[string]any{"autoRenew": false, "term": "P1Y"}, "term"},
	} {
		if r := h.do(a.adminTok, "PATCH", path, c.body); r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d %q, want 400 naming %s: %s", name, r.status, r.errTarget(), c.target, r.raw)
		}
	}
	clk.Add(time.Minute) // the audit log orders by time
	r := h.do(a.adminTok, "PATCH", path, off)
	if h.want(r, 200, ""); r.body["autoRenew"] != false || r.body["status"] != "Enabled" {
		t.Fatalf("recurring billing off: %s", r.raw)
	}
	h.wantAudit(a, "Change recurring billing", id)

	h.advance(0)
	steps := []struct {
		at       time.Time
		status   string
		end      time.Time
		activity string
		prepaid  client.PrepaidUnits
	}{
		{start.AddDate(0, 1, 0), "Warning", start.AddDate(0, 1, 30), "Subscription expired", client.PrepaidUnits{Warning: 2}},
		{start.AddDate(0, 1, 30), "Suspended", start.AddDate(0, 1, 120), "Suspend subscription", client.PrepaidUnits{Suspended: 2}},
		{start.AddDate(0, 1, 120), "Deleted", time.Time{}, "Delete subscription", client.PrepaidUnits{}},
	}
	for _, st := range steps {
		// Whatever is due a second before (B's renewals) first; then A's
		// step is the only one.
		clk.Set(st.at.Add(-time.Second))
		if _, err := h.app.Directory.AdvanceSubscriptions(bg); err != nil {
			t.Fatal(err)
		}
		clk.Set(st.at)
		h.advance(1)
		h.advance(0)
		h.wantJobAudit(a, st.activity, id)
		sub := h.subscription(a, id)
		switch {
		case st.status == "Deleted" && sub != nil:
			t.Fatalf("deleted subscription still listed: %+v", sub)
		case st.status != "Deleted" && (sub == nil || sub.Status != st.status || !sub.EndDateTime.Equal(st.end) || !sub.StatusChangedDateTime.Equal(st.at)):
			t.Fatalf("at %s: %+v, want %s until %s", st.at, sub, st.status, st.end)
		}
		sku := h.skus(a)[skuBasic]
		if sku.PrepaidUnits != st.prepaid || sku.CapabilityStatus != st.status || sku.ConsumedUnits != 2 {
			t.Fatalf("%s: subscribedSku %+v", st.status, sku)
		}
		if st.status == "Deleted" && len(sku.SubscriptionIDs) != 0 {
			t.Fatalf("deleted subscription still in subscriptionIds: %v", sku.SubscriptionIDs)
		}
		// Warning keeps full access; after it the licenses are in error.
		want := "CountViolation"
		if st.status == "Warning" {
			want = "None"
		}
		for _, u := range users {
			r := h.do(a.adminTok, "GET", "/v1.0/users/"+u+"?$select=assignedLicenses,licenseAssignmentStates", nil)
			states := r.body["licenseAssignmentStates"].([]any)
			if r.status != 200 || len(states) != 1 || states[0].(map[string]any)["error"] != want {
				t.Fatalf("%s: user license %s", st.status, r.raw)
			}
		}
	}
	if s := h.skus(b)[skuBasic]; s.PrepaidUnits.Enabled != 1 || s.CapabilityStatus != "Enabled" {
		t.Fatalf("B's product after A's subscription ran out: %+v", s)
	}
	h.want(h.do(a.adminTok, "POST", path+"/reactivate", nil), 404, "Request_ResourceNotFound")
}

// TestSubscriptionRenewal renews a subscription with recurring billing for
// a month with an invoice and no status change, once even when two
// replicas run the job at the same time.
func TestSubscriptionRenewal(t *testing.T) {
	h, clk := newClockHarness(t)
	a := h.newTenant("alpha")
	start := clk.Now()
	o, err := a.admin.BuyLicenses(bg, skuBasic, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(start.AddDate(0, 1, 0))
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := h.app.Directory.AdvanceSubscriptions(bg)
			if err != nil {
				t.Errorf("replica %d: %v", i, err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != 1 {
		t.Fatalf("two replicas took %d steps, want 1", total)
	}
	h.advance(0)
	sub := h.subscription(a, o.SubscriptionID)
	if sub.Status != "Enabled" || !sub.EndDateTime.Equal(start.AddDate(0, 2, 0)) || !sub.StatusChangedDateTime.Equal(start) {
		t.Fatalf("renewed: %+v", sub)
	}
	invs, err := a.admin.ListInvoices(bg)
	if err != nil || len(invs) != 2 || invs[0].OrderID != "" || invs[0].Total.Amount != 12 || invs[0].Lines[0].Quantity != 2 {
		t.Fatalf("invoices after the renewal: %+v, %v", invs, err)
	}
	h.wantJobAudit(a, "Renew subscription", o.SubscriptionID)
	if s := h.skus(a)[skuBasic]; s.PrepaidUnits.Enabled != 2 || s.CapabilityStatus != "Enabled" {
		t.Fatalf("after renewal: %+v", s)
	}
}

// TestSubscriptionReactivate brings subscriptions back from Warning and
// Suspended with a new term and an invoice, and refuses cancelled and
// partner-sold ones.
func TestSubscriptionReactivate(t *testing.T) {
	h, clk := newClockHarness(t)
	a := h.newTenant("alpha")
	_, billTok := h.roleUser(a, "bill", authz.BillingAdmin)
	o, err := a.admin.BuyLicenses(bg, skuBasic, 3, "")
	if err != nil {
		t.Fatal(err)
	}
	id := o.SubscriptionID
	react := "/api/billing/subscriptions/" + id + "/reactivate"
	h.want(h.do("", "POST", react, nil), 401, "InvalidAuthenticationToken")
	_, umaTok := h.roleUser(a, "uma", authz.UserAdmin)
	h.want(h.do(umaTok, "POST", react, nil), 403, "Authorization_RequestDenied")
	if r := h.do(billTok, "POST", react, nil); r.status != 400 || r.errTarget() != "status" || r.errMessage() != "The subscription is active already." {
		t.Fatalf("reactivate an enabled subscription: %s", r.raw)
	}
	for _, periods := range [][]time.Duration{{0}, {0, directory.WarningPeriod}} {
		if _, err := a.admin.SetAutoRenew(bg, id, false); err != nil {
			t.Fatal(err)
		}
		sub := h.subscription(a, id)
		for _, d := range periods {
			clk.Set(sub.EndDateTime.Add(d))
			h.advance(1)
		}
		want := map[int]string{1: "Warning", 2: "Suspended"}[len(periods)]
		if sub = h.subscription(a, id); sub.Status != want {
			t.Fatalf("before reactivation: %+v, want %s", sub, want)
		}
		if r := h.do(billTok, "PATCH", "/api/billing/subscriptions/"+id, map[string]any{"autoRenew": true}); r.status != 400 || r.errTarget() != "autoRenew" {
			t.Fatalf("recurring billing on while %s: %s", want, r.raw)
		}
		invoices := h.invoiceCount(a)
		clk.Add(time.Hour)
		r := h.do(billTok, "POST", react, nil)
		h.want(r, 200, "")
		var got client.Subscription
		if err := json.Unmarshal(r.raw, &got); err != nil || got.Status != "Enabled" || !got.AutoRenew ||
			!got.EndDateTime.Equal(clk.Now().AddDate(0, 1, 0)) || !got.StatusChangedDateTime.Equal(clk.Now()) {
			t.Fatalf("reactivated from %s: %s", want, r.raw)
		}
		h.wantAuditBy(a, "Reactivate subscription", id)
		if n := h.invoiceCount(a); n != invoices+1 {
			t.Fatalf("invoices after reactivation from %s: %d, want %d", want, n, invoices+1)
		}
		if s := h.skus(a)[skuBasic]; s.PrepaidUnits != (client.PrepaidUnits{Enabled: 3}) {
			t.Fatalf("seats after reactivation from %s: %+v", want, s.PrepaidUnits)
		}
	}
	h.want(h.do(billTok, "POST", "/api/billing/subscriptions/"+id+"/cancel", nil), 200, "")
	if r := h.do(billTok, "POST", react, nil); r.status != 400 || r.errTarget() != "status" ||
		r.errMessage() != "The subscription is cancelled and can't be reactivated; buy the product again (POST /api/billing/orders)." {
		t.Fatalf("reactivate a cancelled subscription: %s", r.raw)
	}
	clk.Add(365 * 24 * time.Hour)
	h.advance(0) // cancelled subscriptions are not the job's

	partner := &directory.Subscription{ID: uuid.NewString(), SkuID: skuE3, Quantity: 4, Status: directory.SubWarning, Channel: "partner",
		PartnerTenantID: uuid.NewString(), PartnerName: "Fabrikam Reseller", CreatedAt: clk.Now(), EndsAt: clk.Now().Add(time.Hour)}
	if err := h.app.Store.Update(bg, a.id, func(tx directory.Tx) error { return tx.PutSubscription(partner) }); err != nil {
		t.Fatal(err)
	}
	for _, r := range []response{
		h.do(billTok, "POST", "/api/billing/subscriptions/"+partner.ID+"/reactivate", nil),
		h.do(billTok, "PATCH", "/api/billing/subscriptions/"+partner.ID, map[string]any{"autoRenew": true}),
	} {
		if r.status != 400 || r.errMessage() != "Bought through Fabrikam Reseller. Contact them to make changes." {
			t.Errorf("change of a partner subscription: %d %s", r.status, r.raw)
		}
	}
}
