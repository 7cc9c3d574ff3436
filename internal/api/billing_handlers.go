package api

import (
	"encoding/json"
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

func money(cents int64, currency string) client.Money {
	return client.Money{Amount: float64(cents) / 100, Currency: currency}
}

func (a *API) subscriptionJSON(c *directory.Catalog, s *directory.Subscription) client.Subscription {
	out := client.Subscription{ID: s.ID, SkuID: s.SkuID, Status: s.Status, Quantity: s.Quantity, PurchaseChannel: s.Channel,
		AutoRenew: s.AutoRenew, EndDateTime: timeOrNil(s.EndsAt), StatusChangedDateTime: timeOrNil(s.StatusChangedAt)}
	if p, ok := c.Product(s.SkuID); ok {
		out.SkuPartNumber, out.DisplayName, out.UnitPrice = p.SkuPartNumber, p.DisplayName, money(p.PriceCents(), c.Currency)
	}
	if s.Channel == "partner" {
		out.Partner = &client.Partner{TenantID: s.PartnerTenantID, DisplayName: s.PartnerName}
	}
	return out
}

func (a *API) listSubscriptions(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	subs, err := a.dir.ListSubscriptions(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	c, err := a.dir.Catalog(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	out := make([]client.Subscription, len(subs))
	for i := range subs {
		out[i] = a.subscriptionJSON(c, &subs[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

// intField decodes a whole-number property.
func intField(m map[string]json.RawMessage, name string) (int, error) {
	var n int
	raw, ok := m[name]
	if !ok {
		return 0, badRequest(name, "Property '%s' is required.", name)
	}
	if err := json.Unmarshal(raw, &n); err != nil {
		return 0, badRequest(name, "Property '%s' must be a whole number.", name)
	}
	return n, nil
}

func onlyFields(m map[string]json.RawMessage, names ...string) error {
	for _, k := range sortedKeys(m) {
		known := false
		for _, n := range names {
			known = known || k == n
		}
		if !known {
			return badRequest(k, "Property '%s' does not exist here.", k)
		}
	}
	return nil
}

func (a *API) placeOrder(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	if err := onlyFields(m, "skuId", "quantity"); err != nil {
		return err
	}
	var sku string
	if err := json.Unmarshal(m["skuId"], &sku); err != nil || sku == "" {
		return badRequest("skuId", "Property 'skuId' must be the GUID of a catalog product.")
	}
	qty, err := intField(m, "quantity")
	if err != nil {
		return err
	}
	res, err := a.dir.PlaceOrder(ctx, tenantOf(ctx), sku, qty, r.Header.Get("Idempotency-Key"))
	if err != nil {
		return err
	}
	c, err := a.dir.Catalog(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	out := orderJSON(&res.Order)
	sub := a.subscriptionJSON(c, &res.Subscription)
	out.Subscription = &sub
	status := http.StatusCreated
	if res.Replayed {
		status = http.StatusOK
	}
	writeJSON(w, status, out)
	return nil
}

func orderJSON(o *directory.PurchaseOrder) client.Order {
	return client.Order{ID: o.ID, SkuID: o.SkuID, Quantity: o.Quantity, SubscriptionID: o.SubscriptionID, CreatedBy: o.CreatedBy}
}

func (a *API) listOrders(w http.ResponseWriter, r *http.Request) error {
	orders, err := a.dir.ListOrders(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	out := make([]client.Order, len(orders))
	for i := range orders {
		out[i] = orderJSON(&orders[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func invoiceJSON(inv *directory.Invoice) client.Invoice {
	out := client.Invoice{ID: inv.ID, OrderID: inv.OrderID, Status: inv.Status, Total: money(inv.TotalCents, inv.Currency)}
	for _, l := range inv.Lines {
		out.Lines = append(out.Lines, client.InvoiceLine{SkuID: l.SkuID, Description: l.Description, Quantity: l.Quantity,
			UnitPrice: money(l.UnitCents, inv.Currency), Amount: money(l.AmountCents, inv.Currency)})
	}
	return out
}

func (a *API) listInvoices(w http.ResponseWriter, r *http.Request) error {
	invs, err := a.dir.ListInvoices(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	out := make([]client.Invoice, len(invs))
	for i := range invs {
		out[i] = invoiceJSON(&invs[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) getInvoice(w http.ResponseWriter, r *http.Request) error {
	inv, err := a.dir.GetInvoice(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, invoiceJSON(&inv))
	return nil
}

func (a *API) updateSubscription(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	if err := onlyFields(m, "quantity", "autoRenew"); err != nil {
		return err
	}
	var up directory.SubscriptionUpdate
	if _, ok := m["quantity"]; ok {
		qty, err := intField(m, "quantity")
		if err != nil {
			return err
		}
		up.Quantity = &qty
	}
	if raw, ok := m["autoRenew"]; ok {
		var on bool
		if err := json.Unmarshal(raw, &on); err != nil || string(raw) == "null" {
			return badRequest("autoRenew", "Property 'autoRenew' must be true or false.")
		}
		up.AutoRenew = &on
	}
	if up.Quantity == nil && up.AutoRenew == nil {
		return badRequest("quantity", "Give 'quantity', 'autoRenew' or both.")
	}
	sub, err := a.dir.UpdateSubscription(ctx, tenantOf(ctx), r.PathValue("id"), up)
	return a.writeSubscription(w, r, sub, err)
}

// writeSubscription answers a change of one subscription with it, or
// returns the change's error.
func (a *API) writeSubscription(w http.ResponseWriter, r *http.Request, sub directory.Subscription, err error) error {
	if err != nil {
		return err
	}
	c, err := a.dir.Catalog(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a.subscriptionJSON(c, &sub))
	return nil
}

func (a *API) cancelSubscription(w http.ResponseWriter, r *http.Request) error {
	sub, err := a.dir.CancelSubscription(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	return a.writeSubscription(w, r, sub, err)
}

func (a *API) reactivateSubscription(w http.ResponseWriter, r *http.Request) error {
	sub, err := a.dir.ReactivateSubscription(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	return a.writeSubscription(w, r, sub, err)
}
