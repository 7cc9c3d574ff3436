package directory

import (
	"context"
	"fmt"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// MaxCustomersPage is the most customers one page lists.
const MaxCustomersPage = 999

// PartnerCustomers lists up to top customers of the partner tenant
// tenantID after the key, by name: the Customers page and Graph's
// contracts. more says whether a next page exists.
func (s *Service) PartnerCustomers(ctx context.Context, tenantID string, after partner.CustomerKey, top int) (out []partner.Relationship, more bool, err error) {
	if top < 1 || top > MaxCustomersPage {
		return nil, false, Invalid("$top", "$top must be between 1 and %d.", MaxCustomersPage)
	}
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		if err := s.partnerReader(ctx, tx, tenantID); err != nil {
			return err
		}
		var err error
		out, err = tx.PartnerCustomers(after, top+1)
		return err
	})
	if len(out) > top {
		out, more = out[:top], true
	}
	return out, more, err
}

// partnerReader lets the partner's agents and its Global admins read the
// partner's customers and activity.
func (s *Service) partnerReader(ctx context.Context, tx Tx, tenantID string) error {
	_, _, err := s.agentFor(ctx, tx, tenantID, authz.PartnerCustomersRead)
	if KindOf(err) == KindDenied {
		if p, _ := caller(ctx); authz.Allowed(p, authz.OrgManage, tenantID) && p.Partner == nil {
			return nil
		}
	}
	return err
}

// PartnerActivity lists, newest first, what the partner's users did in
// its customers (partners.md §4.3), limit entries before the cursor.
func (s *Service) PartnerActivity(ctx context.Context, tenantID string, before PartnerCursor, limit int) ([]PartnerEvent, error) {
	var out []PartnerEvent
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		if err := s.partnerReader(ctx, tx, tenantID); err != nil {
			return err
		}
		var err error
		out, err = tx.PartnerActivity(before, limit)
		return err
	})
	return out, err
}

// PartnerRelationship is one partner as its customer sees it on the
// Partner relationships page.
type PartnerRelationship struct {
	partner.Relationship
	ContactEmail string
	ContactPhone string
}

// PartnerRelationships lists the partners of the customer tenantID, for
// its Global admins.
func (s *Service) PartnerRelationships(ctx context.Context, tenantID string) ([]PartnerRelationship, error) {
	if _, err := s.customerAdmin(ctx, tenantID); err != nil {
		return nil, err
	}
	var out []PartnerRelationship
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		rels, err := tx.PartnerRelationships()
		for _, r := range rels {
			out = append(out, PartnerRelationship{Relationship: r})
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		_ = s.store.View(ctx, out[i].PartnerTenantID, func(tx Tx) error {
			t, err := tx.Tenant()
			if err == nil {
				info := invitationInfo(t, partner.Invitation{})
				out[i].ContactEmail, out[i].ContactPhone, out[i].PartnerName = info.ContactEmail, info.ContactPhone, t.Org.DisplayName
			}
			return err
		})
	}
	return out, nil
}

// customerAdmin checks that the caller is a Global admin of the customer
// acting as themselves: a partner's user can't change the customer's
// partner relationships.
func (s *Service) customerAdmin(ctx context.Context, tenantID string) (authz.Principal, error) {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return p, err
	}
	if p.Partner != nil {
		return p, Denied(&authz.Refusal{Permission: authz.OrgManage,
			Message: "A partner's user can't change the customer's partner relationships; only the customer's own Global admins can."})
	}
	return p, nil
}

// RemoveDelegatedAdmin ends the delegated admin privileges (DAP) partnerID
// holds in the customer tenantID, keeping the reseller relationship
// (seed 002). It takes effect on the partner's next request; resource
// role assignments stay (partners.md §7).
func (s *Service) RemoveDelegatedAdmin(ctx context.Context, tenantID, partnerID string) error {
	p, err := s.customerAdmin(ctx, tenantID)
	if err != nil {
		return err
	}
	if partnerID == tenantID {
		return NotFound(partnerID)
	}
	return s.store.UpdatePair(ctx, tenantID, partnerID, func(ct, pt Tx) error {
		rel, err := ct.GetPartnerRelationship(partnerID)
		if err != nil {
			return err
		}
		if !rel.HasDAP() {
			return Invalid("delegatedAdmin", "%s has no delegated admin privileges in your organization.", rel.PartnerName)
		}
		rel.DAPSince = time.Time{}
		if err := ct.PutPartnerRelationship(&rel); err != nil {
			return err
		}
		cten, err := ct.Tenant()
		if err != nil {
			return err
		}
		pten, err := pt.Tenant()
		if err != nil {
			return err
		}
		custTarget := AuditTarget{ID: cten.ID, DisplayName: cten.Org.DisplayName, Type: "Organization"}
		partTarget := AuditTarget{ID: pten.ID, DisplayName: pten.Org.DisplayName, Type: "Partner"}
		if err := s.audit(ctx, ct, p, "Partner", "Remove delegated admin", "Delete", partTarget, custTarget); err != nil {
			return err
		}
		if err := s.audit(ctx, pt, p, "Partner", "Remove delegated admin", "Delete", custTarget, partTarget); err != nil {
			return err
		}
		if err := s.queueToGlobalAdmins(ct, partnerNotice{
			subjectEN: "Delegated admin removed for " + pten.Org.DisplayName,
			bodyEN:    fmt.Sprintf("%s removed the delegated admin privileges of %s. %s stays your reseller.\n", p.DisplayName, pten.Org.DisplayName, pten.Org.DisplayName),
			subjectNL: "Gedelegeerd beheer ingetrokken voor " + pten.Org.DisplayName,
			bodyNL:    fmt.Sprintf("%s heeft de gedelegeerde beheerdersrechten van %s ingetrokken. %s blijft uw reseller.\n", p.DisplayName, pten.Org.DisplayName, pten.Org.DisplayName),
		}); err != nil {
			return err
		}
		return s.queueToGroup(pt, pten.Settings.Partner.AdminAgents, partnerNotice{
			subjectEN: cten.Org.DisplayName + " removed your delegated admin privileges",
			bodyEN:    fmt.Sprintf("%s removed %s's delegated admin privileges. You remain its reseller; you can no longer administer it or open service requests for it without a GDAP relationship.\n", cten.Org.DisplayName, pten.Org.DisplayName),
			subjectNL: cten.Org.DisplayName + " heeft uw gedelegeerde beheerdersrechten ingetrokken",
			bodyNL:    fmt.Sprintf("%s heeft de gedelegeerde beheerdersrechten van %s ingetrokken. U blijft de reseller; zonder GDAP-relatie kunt u de klant niet meer beheren of er serviceaanvragen voor indienen.\n", cten.Org.DisplayName, pten.Org.DisplayName),
		})
	})
}

// BuyForCustomer is a partner's purchase for a customer as its reseller
// (partners.md §2.6): a new subscription bought through the partner,
// read-only for the customer and billed by the partner, not Atrium.
func (s *Service) BuyForCustomer(ctx context.Context, partnerID, customerID, skuID string, quantity int) (Subscription, error) {
	var sub Subscription
	prod, ok := s.catalog.Product(skuID)
	if !ok {
		return sub, Invalid("skuId", "Product %s is not in the catalog.", skuID)
	}
	if quantity < 1 || quantity > MaxOrderQuantity {
		return sub, Invalid("quantity", "Property 'quantity' must be between 1 and %d.", MaxOrderQuantity)
	}
	if customerID == partnerID {
		return sub, NotFound(customerID)
	}
	err := s.store.UpdatePair(ctx, customerID, partnerID, func(ct, pt Tx) error {
		p, pten, err := s.agentFor(ctx, pt, partnerID, authz.PartnerBuy)
		if err != nil {
			return err
		}
		if _, err := ct.GetPartnerRelationship(partnerID); err != nil {
			return err
		}
		subs, err := ct.ListSubscriptions()
		if err != nil {
			return err
		}
		held := 0
		for _, x := range subs {
			if x.SkuID == prod.SkuID && x.Status != SubLockedOut {
				held += x.Quantity
			}
		}
		if prod.MaxSeats > 0 && held+quantity > prod.MaxSeats {
			return Invalid("quantity", "%s allows at most %d licenses per organization.", prod.DisplayName, prod.MaxSeats)
		}
		now := s.Now()
		sub = Subscription{ID: newID(), SkuID: prod.SkuID, Quantity: quantity, Status: SubEnabled, Channel: "partner",
			PartnerTenantID: partnerID, PartnerName: pten.Org.DisplayName, CreatedAt: now, AutoRenew: true, EndsAt: termEnd(now), StatusChangedAt: now}
		if err := ct.PutSubscription(&sub); err != nil {
			return err
		}
		if err := syncPrepaid(ct, prod.SkuID); err != nil {
			return err
		}
		p.Partner = &authz.PartnerActor{TenantID: partnerID, DisplayName: pten.Org.DisplayName, Delegation: authz.DelegationReseller}
		return s.audit(ctx, ct, p, "Billing", "Purchase licenses", "Add", AuditTarget{ID: sub.ID, DisplayName: prod.DisplayName,
			Type: "Subscription", ModifiedProperties: []ModifiedProperty{{Name: "quantity", New: fmt.Sprint(quantity)}}})
	})
	return sub, err
}

// EndResellerRelationship is the partner's removal of a customer
// (partners.md §2.7): a Global admin of the partner ends the reseller
// relationship, its contract and delegated admin, once no subscription the
// partner sold the customer is still active. GDAP relationships and
// resource role assignments are separate and stay.
func (s *Service) EndResellerRelationship(ctx context.Context, partnerID, customerID string) error {
	p, err := s.authorize(ctx, authz.OrgManage, partnerID)
	if err != nil {
		return err
	}
	if p.Partner != nil || customerID == partnerID {
		return NotFound(customerID)
	}
	return s.store.UpdatePair(ctx, customerID, partnerID, func(ct, pt Tx) error {
		rel, err := ct.GetPartnerRelationship(partnerID)
		if err != nil {
			return err
		}
		subs, err := ct.ListSubscriptions()
		if err != nil {
			return err
		}
		for _, sub := range subs {
			if sub.Channel == "partner" && sub.PartnerTenantID == partnerID && sub.Status != SubLockedOut {
				return Invalid("subscriptions", "%s still has an active subscription you sold (%s, %s); cancel or let it end first.",
					rel.CustomerName, sub.SkuID, sub.Status)
			}
		}
		if err := ct.DeletePartnerRelationship(partnerID); err != nil {
			return err
		}
		custTarget := AuditTarget{ID: customerID, DisplayName: rel.CustomerName, Type: "Organization"}
		partTarget := AuditTarget{ID: partnerID, DisplayName: rel.PartnerName, Type: "Partner"}
		p.Partner = &authz.PartnerActor{TenantID: partnerID, DisplayName: rel.PartnerName, Delegation: authz.DelegationReseller}
		if err := s.audit(ctx, ct, p, "Partner", "Remove partner from company", "Delete", partTarget, custTarget); err != nil {
			return err
		}
		p.Partner = nil
		if err := s.audit(ctx, pt, p, "Partner", "Remove partner from company", "Delete", custTarget, partTarget); err != nil {
			return err
		}
		return s.queueToGlobalAdmins(ct, partnerNotice{
			subjectEN: rel.PartnerName + " is no longer your partner",
			bodyEN:    fmt.Sprintf("%s ended its reseller relationship with %s, with any delegated admin privileges.\n", rel.PartnerName, rel.CustomerName),
			subjectNL: rel.PartnerName + " is niet langer uw partner",
			bodyNL:    fmt.Sprintf("%s heeft de resellerrelatie met %s beëindigd, met eventuele gedelegeerde beheerdersrechten.\n", rel.PartnerName, rel.CustomerName),
		})
	})
}
