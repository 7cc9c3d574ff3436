package storetest

import (
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/google/uuid"
)

// testGDAP checks the GDAP store: a relationship round-trips from the
// partner's side and is found from the customer's, its name is unique per
// partner, access assignments round-trip and are unique per group, due
// relationships of every partner are listed, and a third tenant sees
// none of it.
func testGDAP(t *testing.T, s directory.Store) {
	p, c, other := newTenant(t, s), newTenant(t, s), newTenant(t, s)
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	rel := partner.GDAPRelationship{ID: uuid.NewString() + "-" + uuid.NewString(), CustomerTenantID: c.id, CustomerName: "Contoso",
		DisplayName: "Helpdesk", Duration: "P30D", Roles: []string{"a", "b"}, AutoExtend: partner.AutoExtendNone,
		Status: partner.GDAPActive, CreatedAt: at, ModifiedAt: at, ActivatedAt: at, EndAt: at.AddDate(0, 0, 30), Version: 1,
		Notices: partner.NoticeEnd30, DueAt: at.AddDate(0, 0, 23)}
	g := p.addGroup("Helpdesk team")
	as := partner.GDAPAssignment{ID: uuid.NewString(), RelationshipID: rel.ID, GroupID: g.ID, Roles: []string{"a"},
		Status: partner.AssignmentActive, CreatedAt: at, ModifiedAt: at, Version: 1}
	p.mustUpdate(func(tx directory.Tx) error {
		if err := tx.CreateGDAPRelationship(&rel); err != nil {
			return err
		}
		return tx.CreateGDAPAssignment(&as)
	})
	p.view(func(tx directory.Tx) error {
		got, err := tx.GetGDAPRelationship(rel.ID)
		if err != nil || got.PartnerTenantID != p.id || got.Roles[1] != "b" || !got.EndAt.Equal(rel.EndAt) || got.Notices != partner.NoticeEnd30 ||
			!got.DueAt.Equal(rel.DueAt) || got.CustomerName != "Contoso" {
			t.Errorf("GetGDAPRelationship = %+v, %v", got, err)
		}
		list, err := tx.ListGDAPRelationships(c.id)
		if err != nil || len(list) != 1 {
			t.Errorf("ListGDAPRelationships(customer) = %+v, %v", list, err)
		}
		if list, _ := tx.ListGDAPRelationships(other.id); len(list) != 0 {
			t.Errorf("relationships with another customer: %+v", list)
		}
		if used, err := tx.GDAPGroupAssigned(g.ID); err != nil || !used {
			t.Errorf("GDAPGroupAssigned(assigned group) = %v, %v", used, err)
		}
		got2, err := tx.GetGDAPAssignment(rel.ID, as.ID)
		if err != nil || got2.GroupID != g.ID || got2.Roles[0] != "a" || got2.Status != partner.AssignmentActive {
			t.Errorf("GetGDAPAssignment = %+v, %v", got2, err)
		}
		return nil
	})
	c.view(func(tx directory.Tx) error {
		got, err := tx.GetCustomerGDAPRelationship(rel.ID)
		if err != nil || got.PartnerTenantID != p.id {
			t.Errorf("GetCustomerGDAPRelationship = %+v, %v", got, err)
		}
		_, err = tx.GetGDAPRelationship(rel.ID)
		wantKind(t, "GetGDAPRelationship from the customer's side", err, directory.KindNotFound)
		list, err := tx.CustomerGDAPRelationships()
		if err != nil || len(list) != 1 {
			t.Errorf("CustomerGDAPRelationships = %+v, %v", list, err)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		_, err := tx.GetGDAPRelationship(rel.ID)
		wantKind(t, "GetGDAPRelationship from another tenant", err, directory.KindNotFound)
		_, err = tx.GetCustomerGDAPRelationship(rel.ID)
		wantKind(t, "GetCustomerGDAPRelationship from another tenant", err, directory.KindNotFound)
		_, err = tx.GetGDAPAssignment(rel.ID, as.ID)
		wantKind(t, "GetGDAPAssignment from another tenant", err, directory.KindNotFound)
		if list, _ := tx.ListGDAPAssignments(rel.ID); len(list) != 0 {
			t.Errorf("another tenant lists %d assignments", len(list))
		}
		if used, _ := tx.GDAPGroupAssigned(g.ID); used {
			t.Errorf("another tenant sees the group assigned")
		}
		return nil
	})
	err := other.update(func(tx directory.Tx) error {
		r := rel
		return tx.UpdateGDAPRelationship(&r)
	})
	wantKind(t, "UpdateGDAPRelationship from another tenant", err, directory.KindNotFound)
	err = other.update(func(tx directory.Tx) error { return tx.DeleteGDAPAssignment(rel.ID, as.ID) })
	wantKind(t, "DeleteGDAPAssignment from another tenant", err, directory.KindNotFound)

	err = p.update(func(tx directory.Tx) error {
		dup := rel
		dup.ID, dup.DisplayName = uuid.NewString()+"-"+uuid.NewString(), "HELPDESK"
		return tx.CreateGDAPRelationship(&dup)
	})
	wantConflict(t, "a second relationship named Helpdesk", err, "displayName")
	err = p.update(func(tx directory.Tx) error {
		dup := as
		dup.ID = uuid.NewString()
		return tx.CreateGDAPAssignment(&dup)
	})
	wantConflict(t, "a second assignment of the group", err, "accessContainer")

	due, err := s.DueGDAPRelationships(ctx, rel.DueAt.Add(-time.Second), 100)
	if err != nil || containsObject(due, rel.ID) {
		t.Errorf("due before DueAt: %+v, %v", due, err)
	}
	due, err = s.DueGDAPRelationships(ctx, rel.DueAt, 100)
	if err != nil || !containsObject(due, rel.ID) || due[0].TenantID == "" {
		t.Errorf("due at DueAt: %+v, %v", due, err)
	}

	p.mustUpdate(func(tx directory.Tx) error {
		rel.Status, rel.Version, rel.DueAt, rel.Roles = partner.GDAPExpired, 2, time.Time{}, []string{"c"}
		if err := tx.UpdateGDAPRelationship(&rel); err != nil {
			return err
		}
		as.Roles, as.Version = []string{"b"}, 2
		if err := tx.UpdateGDAPAssignment(&as); err != nil {
			return err
		}
		if got, err := tx.GetGDAPAssignment(rel.ID, as.ID); err != nil || got.Roles[0] != "b" || got.Version != 2 {
			t.Errorf("after UpdateGDAPAssignment: %+v, %v", got, err)
		}
		return tx.DeleteGDAPAssignments(rel.ID)
	})
	p.view(func(tx directory.Tx) error {
		got, err := tx.GetGDAPRelationship(rel.ID)
		if err != nil || got.Status != partner.GDAPExpired || got.Version != 2 || !got.DueAt.IsZero() || got.Roles[0] != "c" {
			t.Errorf("after UpdateGDAPRelationship: %+v, %v", got, err)
		}
		if list, _ := tx.ListGDAPAssignments(rel.ID); len(list) != 0 {
			t.Errorf("assignments left after DeleteGDAPAssignments: %+v", list)
		}
		if used, _ := tx.GDAPGroupAssigned(g.ID); used {
			t.Errorf("the group is still assigned after DeleteGDAPAssignments")
		}
		return nil
	})
	if due, _ := s.DueGDAPRelationships(ctx, rel.EndAt.AddDate(1, 0, 0), 100); containsObject(due, rel.ID) {
		t.Errorf("a relationship without DueAt is due: %+v", due)
	}
	p.mustUpdate(func(tx directory.Tx) error { return tx.DeleteGDAPRelationship(rel.ID) })
	c.view(func(tx directory.Tx) error {
		_, err := tx.GetCustomerGDAPRelationship(rel.ID)
		wantKind(t, "GetCustomerGDAPRelationship after delete", err, directory.KindNotFound)
		return nil
	})
}
