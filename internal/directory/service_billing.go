package directory

import (
	"context"
	"fmt"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/google/uuid"
)

// MaxOrderQuantity bounds the seats of one order.
const MaxOrderQuantity = 100000

// OrderResult is a placed (or replayed) order with its subscription and
// invoice.
type OrderResult struct {
	Order        PurchaseOrder
	Subscription Subscription
	Replayed     bool // the Idempotency-Key named an earlier order
}

// PlaceOrder buys quantity seats of a product: more seats on the tenant's
// earliest enabled direct subscription of it, or a new subscription. A
// repeated idempotency key returns the first order instead of buying again.
func (s *Service) PlaceOrder(ctx context.Context, tenantID, skuID string, quantity int, key string) (OrderResult, error) {
	var res OrderResult
	p, err := s.authorize(ctx, authz.BillingManage, tenantID)
	if err != nil {
		return res, err
	}
	prod, ok := s.catalog.Product(skuID)
	if !ok {
		return res, Invalid("skuId", "Product %s is not in the catalog.", skuID)
	}
	if quantity < 1 || quantity > MaxOrderQuantity {
		return res, Invalid("quantity", "Property 'quantity' must be between 1 and %d.", MaxOrderQuantity)
	}
	if len(key) > 100 {
		return res, Invalid("Idempotency-Key", "The Idempotency-Key header can be at most 100 characters.")
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if key != "" {
			o, err := tx.GetOrderByKey(key)
			if err == nil {
				if o.SkuID != prod.SkuID || o.Quantity != quantity {
					return Invalid("Idempotency-Key", "Idempotency-Key %s was used for another order (%d of %s); use a new key for a new order.", key, o.Quantity, o.SkuID)
				}
				res.Order, res.Replayed = o, true
				res.Subscription, err = tx.GetSubscription(o.SubscriptionID)
				return err
			} else if KindOf(err) != KindNotFound {
				return err
			}
		}
		sub, err := s.buySeats(ctx, tx, p, prod, quantity, key, &res.Order)
		res.Subscription = sub
		return err
	})
	return res, err
}

// buySeats adds quantity seats of prod in tx: the subscription, the seat
// counter, the order, its invoice and the audit record.
func (s *Service) buySeats(ctx context.Context, tx Tx, p authz.Principal, prod *Product, quantity int, key string, o *PurchaseOrder) (Subscription, error) {
	subs, err := tx.ListSubscriptions()
	if err != nil {
		return Subscription{}, err
	}
	var sub *Subscription
	held := 0
	for i := range subs {
		if subs[i].SkuID != prod.SkuID || subs[i].Status == SubLockedOut {
			continue
		}
		held += subs[i].Quantity
		if sub == nil && subs[i].Status == SubEnabled && subs[i].Channel == "direct" {
			sub = &subs[i]
		}
	}
	if prod.MaxSeats > 0 && held+quantity > prod.MaxSeats {
		return Subscription{}, Invalid("quantity", "%s allows at most %d licenses per organization.", prod.DisplayName, prod.MaxSeats)
	}
	if sub == nil {
		now := s.Now()
		sub = &Subscription{ID: newID(), SkuID: prod.SkuID, Status: SubEnabled, Channel: "direct", CreatedAt: now,
			AutoRenew: true, EndsAt: termEnd(now), StatusChangedAt: now}
	}
	sub.Quantity += quantity
	if err := tx.PutSubscription(sub); err != nil {
		return *sub, err
	}
	if err := syncPrepaid(tx, prod.SkuID); err != nil {
		return *sub, err
	}
	*o = PurchaseOrder{ID: newID(), IdempotencyKey: key, SkuID: prod.SkuID, Quantity: quantity, SubscriptionID: sub.ID,
		CreatedBy: p.UPN, CreatedAt: s.Now()}
	if err := tx.CreateOrder(o); err != nil {
		return *sub, err
	}
	if err := s.bill(tx, o.ID, prod, quantity, prod.DisplayName+", 1 month"); err != nil {
		return *sub, err
	}
	return *sub, s.audit(ctx, tx, p, "Billing", "Purchase licenses", "Add",
		AuditTarget{ID: sub.ID, DisplayName: prod.DisplayName, Type: "Subscription",
			ModifiedProperties: []ModifiedProperty{{Name: "quantity", New: fmt.Sprint(sub.Quantity)}}})
}

// bill invoices quantity seats of prod for a month (for orderID, or ""
// for a renewal or reactivation), charged through the payment provider.
func (s *Service) bill(tx Tx, orderID string, prod *Product, quantity int, description string) error {
	line := InvoiceLine{SkuID: prod.SkuID, Description: description, Quantity: quantity, UnitCents: prod.PriceCents(),
		AmountCents: prod.PriceCents() * int64(quantity)}
	inv := Invoice{ID: newID(), OrderID: orderID, Currency: s.catalog.Currency, TotalCents: line.AmountCents, Lines: []InvoiceLine{line}, CreatedAt: s.Now()}
	var err error
	if inv.Status, err = s.payments.Charge(&inv); err != nil {
		return fmt.Errorf("charge invoice: %w", err)
	}
	return tx.CreateInvoice(&inv)
}

// syncPrepaid recomputes a SKU's prepaid buckets from its subscriptions.
func syncPrepaid(tx Tx, skuID string) error {
	subs, err := tx.ListSubscriptions()
	if err != nil {
		return err
	}
	seats, err := tx.GetSeats(skuID)
	if err != nil {
		return err
	}
	seats.Enabled, seats.Warning, seats.Suspended, seats.LockedOut = 0, 0, 0, 0
	for _, sub := range subs {
		if sub.SkuID != skuID {
			continue
		}
		switch sub.Status {
		case SubEnabled:
			seats.Enabled += sub.Quantity
		case SubWarning:
			seats.Warning += sub.Quantity
		case SubSuspended:
			seats.Suspended += sub.Quantity
		case SubLockedOut:
			seats.LockedOut += sub.Quantity
		}
	}
	return tx.PutSeats(&seats)
}

// SubscriptionUpdate is a change of a subscription; nil fields stay.
type SubscriptionUpdate struct {
	Quantity  *int  // lower only; more seats are an order
	AutoRenew *bool // recurring billing, of an Enabled subscription
}

// UpdateSubscription lowers a subscription's seats (never below the seats
// users hold) and turns its recurring billing on or off, in one change;
// never for a subscription a partner sold.
func (s *Service) UpdateSubscription(ctx context.Context, tenantID, id string, up SubscriptionUpdate) (Subscription, error) {
	var sub Subscription
	p, err := s.authorize(ctx, authz.BillingManage, tenantID)
	if err != nil {
		return sub, err
	}
	if up.Quantity != nil && (*up.Quantity < 0 || *up.Quantity > MaxOrderQuantity) {
		return sub, Invalid("quantity", "Property 'quantity' must be between 0 and %d.", MaxOrderQuantity)
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if sub, err = tx.GetSubscription(id); err != nil {
			return err
		}
		if sub.Channel == "partner" {
			field := "quantity"
			if up.Quantity == nil {
				field = "autoRenew"
			}
			return Invalid(field, "Bought through %s. Contact them to make changes.", sub.PartnerName)
		}
		var mods []ModifiedProperty
		if up.Quantity != nil {
			mod, err := lowerQuantity(tx, &sub, *up.Quantity)
			if err != nil {
				return err
			}
			mods = append(mods, mod)
		}
		if up.AutoRenew != nil {
			if sub.Status != SubEnabled {
				return Invalid("autoRenew", "The subscription is %s; reactivate it (POST /api/billing/subscriptions/%s/reactivate) instead.", sub.Status, sub.ID)
			}
			mods = append(mods, ModifiedProperty{Name: "autoRenew", Old: fmt.Sprint(sub.AutoRenew), New: fmt.Sprint(*up.AutoRenew)})
			sub.AutoRenew = *up.AutoRenew
		}
		if err := tx.PutSubscription(&sub); err != nil {
			return err
		}
		if err := syncPrepaid(tx, sub.SkuID); err != nil {
			return err
		}
		activity := "Remove licenses"
		if up.Quantity == nil {
			activity = "Change recurring billing"
		}
		return s.audit(ctx, tx, p, "Billing", activity, "Update", AuditTarget{ID: sub.ID, Type: "Subscription", ModifiedProperties: mods})
	})
	return sub, err
}

// lowerQuantity sets sub's seats to quantity, no more than it has and not
// below the enabled seats users hold.
func lowerQuantity(tx Tx, sub *Subscription, quantity int) (ModifiedProperty, error) {
	mod := ModifiedProperty{Name: "quantity", Old: fmt.Sprint(sub.Quantity), New: fmt.Sprint(quantity)}
	if quantity > sub.Quantity {
		return mod, Invalid("quantity", "To add licenses, place an order (POST /api/billing/orders).")
	}
	seats, err := tx.GetSeats(sub.SkuID)
	if err != nil {
		return mod, err
	}
	if sub.Status == SubEnabled && seats.Enabled-(sub.Quantity-quantity) < seats.Consumed {
		return mod, Invalid("quantity", "%d of %d licenses are assigned. Unassign licenses before reducing the quantity.", seats.Consumed, seats.Enabled)
	}
	sub.Quantity = quantity
	return mod, nil
}

// ListSubscriptions returns the tenant's subscriptions, oldest first.
func (s *Service) ListSubscriptions(ctx context.Context, tenantID string) ([]Subscription, error) {
	var out []Subscription
	if _, err := s.authorize(ctx, authz.BillingManage, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		out, err = tx.ListSubscriptions()
		return err
	})
	return out, err
}

// ListOrders returns the tenant's orders, newest first.
func (s *Service) ListOrders(ctx context.Context, tenantID string) ([]PurchaseOrder, error) {
	var out []PurchaseOrder
	if _, err := s.authorize(ctx, authz.BillingManage, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		out, err = tx.ListOrders()
		return err
	})
	return out, err
}

// ListInvoices returns the tenant's invoices, newest first.
func (s *Service) ListInvoices(ctx context.Context, tenantID string) ([]Invoice, error) {
	var out []Invoice
	if _, err := s.authorize(ctx, authz.BillingManage, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		out, err = tx.ListInvoices()
		return err
	})
	return out, err
}

// CancelSubscription ends a direct subscription: it is locked out, its
// seats leave the enabled bucket, and users keep their licenses (the
// excess ones fall into over-assignment). It can't be reactivated; buy
// again instead.
func (s *Service) CancelSubscription(ctx context.Context, tenantID, id string) (Subscription, error) {
	var sub Subscription
	p, err := s.authorize(ctx, authz.BillingManage, tenantID)
	if err != nil {
		return sub, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if sub, err = tx.GetSubscription(id); err != nil {
			return err
		}
		switch {
		case sub.Channel == "partner":
			return Invalid("id", "Bought through %s. Contact them to make changes.", sub.PartnerName)
		case sub.Status == SubLockedOut:
			return Invalid("status", "The subscription is cancelled already; buy the product again to get new licenses.")
		}
		old := sub.Status
		sub.Status, sub.StatusChangedAt = SubLockedOut, s.Now()
		if err := tx.PutSubscription(&sub); err != nil {
			return err
		}
		if err := syncPrepaid(tx, sub.SkuID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Billing", "Cancel subscription", "Update", AuditTarget{ID: sub.ID, Type: "Subscription",
			ModifiedProperties: []ModifiedProperty{{Name: "status", Old: old, New: sub.Status}}})
	})
	return sub, err
}

// GetInvoice returns one invoice with its lines.
func (s *Service) GetInvoice(ctx context.Context, tenantID, id string) (Invoice, error) {
	var inv Invoice
	if _, err := s.authorize(ctx, authz.BillingManage, tenantID); err != nil {
		return inv, err
	}
	if _, err := uuid.Parse(id); err != nil {
		return inv, NotFound(id)
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		inv, err = tx.GetInvoice(strings.ToLower(id))
		return err
	})
	return inv, err
}
