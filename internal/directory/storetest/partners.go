package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// testPartners covers reseller relationships seen from both sides, pair
// transactions, invitations and the partner's activity log, each isolated
// from a third tenant.
func testPartners(t *testing.T, s directory.Store) {
	p, c, x := newTenant(t, s), newTenant(t, s), newTenant(t, s)
	now := time.Now().UTC().Truncate(time.Microsecond)
	rel := &partner.Relationship{PartnerTenantID: p.id, ContractID: "contract-1", PartnerName: "Fabrikam", CustomerName: "Contoso",
		CustomerDomain: c.domain, ResellerSince: now, DAPSince: now}
	c.mustUpdate(func(tx directory.Tx) error { return tx.PutPartnerRelationship(rel) })
	if rel.CustomerTenantID != c.id {
		t.Fatalf("PutPartnerRelationship didn't bind the customer: %q", rel.CustomerTenantID)
	}
	p.view(func(tx directory.Tx) error {
		got, err := tx.GetPartnerCustomer(c.id)
		must(t, err)
		if got != *rel {
			t.Errorf("partner side = %+v, want %+v", got, *rel)
		}
		all, err := tx.PartnerCustomers(partner.CustomerKey{}, 10)
		if err != nil || len(all) != 1 {
			t.Errorf("PartnerCustomers = %v, %v", all, err)
		}
		// The partner isn't anybody's customer.
		mine, err := tx.PartnerRelationships()
		if err != nil || len(mine) != 0 {
			t.Errorf("partner's own partners = %v, %v", mine, err)
		}
		return nil
	})
	x.view(func(tx directory.Tx) error {
		if all, err := tx.PartnerCustomers(partner.CustomerKey{}, 10); err != nil || len(all) != 0 {
			t.Errorf("another tenant sees customers: %v, %v", all, err)
		}
		_, err := tx.GetPartnerCustomer(c.id)
		wantKind(t, "another tenant's customer", err, directory.KindNotFound)
		_, err = tx.GetPartnerRelationship(p.id)
		wantKind(t, "another tenant's partner", err, directory.KindNotFound)
		return nil
	})
	// Removing DAP is an update of the same row.
	rel.DAPSince = time.Time{}
	c.mustUpdate(func(tx directory.Tx) error { return tx.PutPartnerRelationship(rel) })
	c.view(func(tx directory.Tx) error {
		got, err := tx.GetPartnerRelationship(p.id)
		must(t, err)
		if got.HasDAP() || !got.ResellerSince.Equal(now) {
			t.Errorf("after removing DAP: %+v", got)
		}
		return nil
	})

	// A pair transaction commits both sides or neither.
	boom := errors.New("boom")
	err := s.UpdatePair(ctx, c.id, p.id, func(ct, pt directory.Tx) error {
		rel.DAPSince = now
		must(t, ct.PutPartnerRelationship(rel))
		must(t, pt.CreatePartnerInvitation(&partner.Invitation{TokenHash: "h-rollback", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("UpdatePair error = %v", err)
	}
	must(t, s.ViewPair(ctx, c.id, p.id, func(ct, pt directory.Tx) error {
		got, err := ct.GetPartnerRelationship(p.id)
		must(t, err)
		if got.HasDAP() {
			t.Error("a failed pair transaction changed the customer")
		}
		_, err = pt.GetPartnerInvitation("h-rollback")
		wantKind(t, "invitation of a failed pair transaction", err, directory.KindNotFound)
		return nil
	}))
	wantKind(t, "pair with a missing tenant", s.ViewPair(ctx, c.id, "7d0f7e0c-0000-4000-8000-000000000000", func(a, b directory.Tx) error { return nil }), directory.KindNotFound)

	// Invitations: the partner's own, accepted once.
	inv := &partner.Invitation{TokenHash: "h-1", DelegatedAdmin: true, CreatedBy: "u-1", CreatedByName: "Agent", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	p.mustUpdate(func(tx directory.Tx) error { return tx.CreatePartnerInvitation(inv) })
	x.view(func(tx directory.Tx) error {
		_, err := tx.GetPartnerInvitation("h-1")
		wantKind(t, "another tenant's invitation", err, directory.KindNotFound)
		return nil
	})
	inv.AcceptedAt, inv.AcceptedBy = now.Add(time.Minute), c.id
	p.mustUpdate(func(tx directory.Tx) error { return tx.AcceptPartnerInvitation(inv) })
	wantKind(t, "accepting twice", p.update(func(tx directory.Tx) error { return tx.AcceptPartnerInvitation(inv) }), directory.KindNotFound)
	p.view(func(tx directory.Tx) error {
		got, err := tx.GetPartnerInvitation("h-1")
		must(t, err)
		if got != *inv {
			t.Errorf("invitation = %+v, want %+v", got, *inv)
		}
		return nil
	})

	// The activity log: events a partner's users caused in customers, newest first.
	actor := &authz.PartnerActor{TenantID: p.id, DisplayName: "Fabrikam", Delegation: authz.DelegationDAP}
	for i := range 3 {
		c.mustUpdate(func(tx directory.Tx) error {
			return tx.AppendAudit(&directory.AuditEvent{ID: "ev-" + string(rune('a'+i)), At: now.Add(time.Duration(i) * time.Second),
				Category: "UserManagement", Activity: "Reset password", OperationType: "Update", Result: "success",
				Initiator: directory.Initiator{UserID: "agent", UPN: "agent@p.example", Partner: actor}})
		})
	}
	c.mustUpdate(func(tx directory.Tx) error {
		return tx.AppendAudit(&directory.AuditEvent{ID: "ev-own", At: now, Category: "UserManagement", Activity: "Add user",
			OperationType: "Add", Result: "success", Initiator: directory.Initiator{UserID: "admin"}})
	})
	p.view(func(tx directory.Tx) error {
		first, err := tx.PartnerActivity(directory.PartnerCursor{}, 2)
		must(t, err)
		if len(first) != 2 || first[0].Event.ID != "ev-c" || first[0].CustomerTenantID != c.id || first[0].Event.Initiator.Partner == nil ||
			*first[0].Event.Initiator.Partner != *actor {
			t.Fatalf("first page = %+v", first)
		}
		last := first[1].Event
		rest, err := tx.PartnerActivity(directory.PartnerCursor{At: last.At, ID: last.ID}, 2)
		must(t, err)
		if len(rest) != 1 || rest[0].Event.ID != "ev-a" {
			t.Errorf("second page = %+v", rest)
		}
		return nil
	})
	c.view(func(tx directory.Tx) error {
		page, err := tx.ListAudit(directory.ListQuery{Top: 10})
		must(t, err)
		if len(page.Items) != 4 || page.Items[0].Initiator.Partner == nil {
			t.Errorf("customer's own log = %+v", page.Items)
		}
		return nil
	})
	x.view(func(tx directory.Tx) error {
		if evs, err := tx.PartnerActivity(directory.PartnerCursor{}, 10); err != nil || len(evs) != 0 {
			t.Errorf("another tenant's activity log = %v, %v", evs, err)
		}
		return nil
	})

	c.mustUpdate(func(tx directory.Tx) error { return tx.DeletePartnerRelationship(p.id) })
	wantKind(t, "deleting twice", c.update(func(tx directory.Tx) error { return tx.DeletePartnerRelationship(p.id) }), directory.KindNotFound)
}
