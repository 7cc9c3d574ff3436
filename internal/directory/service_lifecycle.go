package directory

import (
	"context"
	"fmt"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// subscriptionBatch is how many due subscriptions one query of the
// lifecycle job reads.
const subscriptionBatch = 100

// lifecycleActor is who the audit log shows for the lifecycle job's steps.
var lifecycleActor = authz.Principal{DisplayName: "Atrium"}

// AdvanceSubscriptions moves every subscription of every tenant whose term
// or period has ended along the lifecycle (licensing spec §4.2): Enabled
// with recurring billing renews for a month with an invoice; Enabled
// without it moves to Warning for 30 days, then Suspended for 90 days,
// then Deleted (removed). Each tenant's due subscriptions move in one
// transaction that re-reads them, so a replica running the job at the
// same time finds nothing left to do. It returns how many steps it took.
func (s *Service) AdvanceSubscriptions(ctx context.Context) (int, error) {
	total := 0
	for ctx.Err() == nil {
		now := s.Now()
		due, err := s.store.DueSubscriptions(ctx, now, subscriptionBatch)
		if err != nil {
			return total, err
		}
		var tenants []string
		byTenant := map[string][]string{}
		for _, d := range due {
			if byTenant[d.TenantID] == nil {
				tenants = append(tenants, d.TenantID)
			}
			byTenant[d.TenantID] = append(byTenant[d.TenantID], d.ID)
		}
		for _, tenantID := range tenants {
			n := 0
			err := s.store.Update(ctx, tenantID, func(tx Tx) error {
				n = 0
				for _, id := range byTenant[tenantID] {
					steps, err := s.advance(ctx, tx, id, now)
					if err != nil {
						return err
					}
					n += steps
				}
				return nil
			})
			if err != nil && KindOf(err) != KindNotFound { // not found: the tenant is gone
				return total, fmt.Errorf("advance subscriptions of %s: %w", tenantID, err)
			}
			total += n
		}
		if len(due) < subscriptionBatch {
			break
		}
	}
	return total, nil
}

// isDue says whether the lifecycle job moves sub at now.
func isDue(sub *Subscription, now time.Time) bool {
	switch sub.Status {
	case SubEnabled, SubWarning, SubSuspended:
		return !sub.EndsAt.After(now)
	}
	return false
}

// advance takes every step that is due for subscription id at now, each
// with its buckets recomputed and an audit record; it returns how many.
func (s *Service) advance(ctx context.Context, tx Tx, id string, now time.Time) (int, error) {
	sub, err := tx.GetSubscription(id)
	if KindOf(err) == KindNotFound {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	steps := 0
	for isDue(&sub, now) {
		if err := s.step(ctx, tx, &sub, now); err != nil {
			return steps, fmt.Errorf("subscription %s: %w", sub.ID, err)
		}
		steps++
	}
	return steps, nil
}

// step moves sub one step along the lifecycle.
func (s *Service) step(ctx context.Context, tx Tx, sub *Subscription, now time.Time) error {
	old, activity := sub.Status, ""
	prod, known := s.catalog.Product(sub.SkuID)
	switch {
	case sub.Status == SubEnabled && sub.AutoRenew:
		activity = "Renew subscription"
		sub.EndsAt = termEnd(sub.EndsAt)
		if known && sub.Channel == "direct" { // a partner bills its customers itself
			if err := s.bill(tx, "", prod, sub.Quantity, prod.DisplayName+", 1 month (renewal)"); err != nil {
				return err
			}
		}
	case sub.Status == SubEnabled:
		activity, sub.Status, sub.EndsAt = "Subscription expired", SubWarning, sub.EndsAt.Add(WarningPeriod)
	case sub.Status == SubWarning:
		activity, sub.Status, sub.EndsAt = "Suspend subscription", SubSuspended, sub.EndsAt.Add(SuspendedPeriod)
	default:
		activity, sub.Status = "Delete subscription", SubDeleted
	}
	mods := []ModifiedProperty{{Name: "endDateTime", New: sub.EndsAt.Format(time.RFC3339)}}
	if sub.Status != old {
		sub.StatusChangedAt = now
		mods = []ModifiedProperty{{Name: "status", Old: old, New: sub.Status}}
	}
	var err error
	if sub.Status == SubDeleted {
		err = tx.DeleteSubscription(sub.ID)
	} else {
		err = tx.PutSubscription(sub)
	}
	if err != nil {
		return err
	}
	if err := syncPrepaid(tx, sub.SkuID); err != nil {
		return err
	}
	name := sub.SkuID
	if known {
		name = prod.DisplayName
	}
	return s.audit(ctx, tx, lifecycleActor, "Billing", activity, "Update",
		AuditTarget{ID: sub.ID, DisplayName: name, Type: "Subscription", ModifiedProperties: mods})
}

// ReactivateSubscription brings a Warning or Suspended subscription back:
// Enabled for a new one-month term from now, with recurring billing on and
// an invoice. A cancelled (LockedOut) one can't come back; buy again.
func (s *Service) ReactivateSubscription(ctx context.Context, tenantID, id string) (Subscription, error) {
	var sub Subscription
	p, err := s.authorize(ctx, authz.BillingManage, tenantID)
	if err != nil {
		return sub, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if sub, err = tx.GetSubscription(id); err != nil {
			return err
		}
		prod, known := s.catalog.Product(sub.SkuID)
		switch {
		case sub.Channel == "partner":
			return Invalid("id", "Bought through %s. Contact them to make changes.", sub.PartnerName)
		case sub.Status == SubLockedOut:
			return Invalid("status", "The subscription is cancelled and can't be reactivated; buy the product again (POST /api/billing/orders).")
		case sub.Status == SubEnabled:
			return Invalid("status", "The subscription is active already.")
		case !known:
			return Invalid("skuId", "Product %s is no longer in the catalog, so it can't be reactivated.", sub.SkuID)
		}
		old, now := sub.Status, s.Now()
		sub.Status, sub.AutoRenew, sub.EndsAt, sub.StatusChangedAt = SubEnabled, true, termEnd(now), now
		if err := tx.PutSubscription(&sub); err != nil {
			return err
		}
		if err := syncPrepaid(tx, sub.SkuID); err != nil {
			return err
		}
		if err := s.bill(tx, "", prod, sub.Quantity, prod.DisplayName+", 1 month (reactivation)"); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Billing", "Reactivate subscription", "Update", AuditTarget{ID: sub.ID, DisplayName: prod.DisplayName,
			Type: "Subscription", ModifiedProperties: []ModifiedProperty{{Name: "status", Old: old, New: sub.Status}}})
	})
	return sub, err
}
