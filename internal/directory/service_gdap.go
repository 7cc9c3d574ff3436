package directory

import (
	"context"
	"fmt"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/google/uuid"
)

// GDAPInput are the fields a partner sets on a GDAP relationship; nil
// fields are left as they are (PATCH) or take their default (create).
type GDAPInput struct {
	DisplayName      *string
	Duration         *string
	CustomerTenantID *string
	Roles            *[]string // role template ids
	AutoExtend       *string
}

// ListGDAPRelationships lists the GDAP relationships of the partner
// tenant partnerID, for its agents and Global admins.
func (s *Service) ListGDAPRelationships(ctx context.Context, partnerID string) ([]partner.GDAPRelationship, error) {
	var out []partner.GDAPRelationship
	err := s.store.View(ctx, partnerID, func(tx Tx) error {
		if err := s.partnerReader(ctx, tx, partnerID); err != nil {
			return err
		}
		var err error
		out, err = tx.ListGDAPRelationships("")
		return err
	})
	return out, err
}

// GetGDAPRelationship returns one GDAP relationship of the partner.
func (s *Service) GetGDAPRelationship(ctx context.Context, partnerID, id string) (partner.GDAPRelationship, error) {
	var out partner.GDAPRelationship
	err := s.store.View(ctx, partnerID, func(tx Tx) error {
		if err := s.partnerReader(ctx, tx, partnerID); err != nil {
			return err
		}
		var err error
		out, err = tx.GetGDAPRelationship(id)
		return err
	})
	return out, err
}

// CreateGDAPRelationship starts a GDAP relationship in status created
// (partners.md §5.2): an Admin agent names the customer, the roles and
// the duration; nothing is granted before the customer approves.
func (s *Service) CreateGDAPRelationship(ctx context.Context, partnerID string, in GDAPInput) (partner.GDAPRelationship, error) {
	var rel partner.GDAPRelationship
	if err := s.store.View(ctx, partnerID, func(tx Tx) error {
		_, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP)
		return err
	}); err != nil {
		return rel, err
	}
	if in.CustomerTenantID == nil || strings.TrimSpace(*in.CustomerTenantID) == "" {
		return rel, Invalid("customer", "Name the customer: customer.tenantId is required.")
	}
	rel.Duration = "P730D" // the admin center's default
	if err := s.applyGDAPInput(ctx, partnerID, &rel, in); err != nil {
		return rel, err
	}
	now := s.Now()
	rel.ID, rel.Status, rel.CreatedAt, rel.ModifiedAt, rel.Version = newID()+"-"+newID(), partner.GDAPCreated, now, now, 1
	err := s.store.Update(ctx, partnerID, func(tx Tx) error {
		p, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP)
		if err != nil {
			return err
		}
		if err := gdapNameFree(tx, rel); err != nil {
			return err
		}
		if err := tx.CreateGDAPRelationship(&rel); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Partner", "Create GDAP relationship", "Add", gdapTarget(rel))
	})
	return rel, err
}

// applyGDAPInput sets in's fields on rel and checks the result.
func (s *Service) applyGDAPInput(ctx context.Context, partnerID string, rel *partner.GDAPRelationship, in GDAPInput) error {
	if in.CustomerTenantID != nil && *in.CustomerTenantID != rel.CustomerTenantID {
		id := strings.ToLower(strings.TrimSpace(*in.CustomerTenantID))
		name, err := s.tenantName(ctx, id)
		if KindOf(err) == KindNotFound || id == partnerID {
			return Invalid("customer", "No customer organization has tenant id '%s'.", *in.CustomerTenantID)
		} else if err != nil {
			return err
		}
		rel.CustomerTenantID, rel.CustomerName = id, name
	}
	for _, f := range []struct {
		in  *string
		out *string
	}{{in.DisplayName, &rel.DisplayName}, {in.Duration, &rel.Duration}, {in.AutoExtend, &rel.AutoExtend}} {
		if f.in != nil {
			*f.out = *f.in
		}
	}
	if in.Roles != nil {
		rel.Roles = *in.Roles
	}
	if field, err := partner.CheckGDAP(rel); err != nil {
		return Invalid(field, "%s.", upperFirst(err.Error()))
	}
	return nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// tenantName returns the display name of the tenant id.
func (s *Service) tenantName(ctx context.Context, id string) (string, error) {
	if _, err := uuid.Parse(id); err != nil {
		return "", NotFound(id)
	}
	var name string
	err := s.store.View(ctx, id, func(tx Tx) error {
		t, err := tx.Tenant()
		name = t.Org.DisplayName
		return err
	})
	return name, err
}

// gdapNameFree refuses a display name another of the partner's
// relationships has.
func gdapNameFree(tx Tx, rel partner.GDAPRelationship) error {
	all, err := tx.ListGDAPRelationships("")
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.ID != rel.ID && strings.EqualFold(o.DisplayName, rel.DisplayName) {
			return Invalid("displayName", "Another of your GDAP relationships is named '%s'; display names must be unique.", o.DisplayName)
		}
	}
	return nil
}

// checkETag compares an If-Match etag with the object's; empty means the
// caller sent none, which changes to a relationship need.
func checkETag(ifMatch, etag, id string) error {
	switch ifMatch {
	case "":
		return Invalid("If-Match", "Send the object's @odata.etag in the If-Match header.")
	case "*", etag:
		return nil
	}
	return Stale(id)
}

// UpdateGDAPRelationship changes a relationship in status created; ifMatch
// is the caller's etag of it.
func (s *Service) UpdateGDAPRelationship(ctx context.Context, partnerID, id, ifMatch string, in GDAPInput) (partner.GDAPRelationship, error) {
	var rel partner.GDAPRelationship
	err := s.store.View(ctx, partnerID, func(tx Tx) error {
		if _, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP); err != nil {
			return err
		}
		var err error
		if rel, err = tx.GetGDAPRelationship(id); err == nil && rel.Status != partner.GDAPCreated {
			err = notEditable(rel)
		}
		return err
	})
	if err != nil {
		return rel, err
	}
	if err := s.applyGDAPInput(ctx, partnerID, &rel, in); err != nil {
		return rel, err
	}
	err = s.store.Update(ctx, partnerID, func(tx Tx) error {
		p, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP)
		if err != nil {
			return err
		}
		cur, err := tx.GetGDAPRelationship(id)
		if err != nil {
			return err
		}
		if err := checkETag(ifMatch, cur.ETag(), id); err != nil {
			return err
		}
		if cur.Status != partner.GDAPCreated {
			return notEditable(cur)
		}
		if cur.Version != rel.Version { // changed since it was read above
			return Stale(id)
		}
		if err := gdapNameFree(tx, rel); err != nil {
			return err
		}
		rel.Version, rel.ModifiedAt = cur.Version+1, s.Now()
		if err := tx.UpdateGDAPRelationship(&rel); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Partner", "Update GDAP relationship", "Update", gdapTarget(rel))
	})
	return rel, err
}

func notEditable(rel partner.GDAPRelationship) error {
	return Invalid("status", "The relationship is %s; it can be changed only while it is created, before it is locked for approval.", rel.Status)
}

// DeleteGDAPRelationship removes a relationship still in status created.
func (s *Service) DeleteGDAPRelationship(ctx context.Context, partnerID, id, ifMatch string) error {
	return s.store.Update(ctx, partnerID, func(tx Tx) error {
		p, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP)
		if err != nil {
			return err
		}
		rel, err := tx.GetGDAPRelationship(id)
		if err != nil {
			return err
		}
		if err := checkETag(ifMatch, rel.ETag(), id); err != nil {
			return err
		}
		if rel.Status != partner.GDAPCreated {
			return Invalid("status", "The relationship is %s; only a relationship that is still created can be deleted. Terminate it instead.", rel.Status)
		}
		if err := tx.DeleteGDAPRelationship(id); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Partner", "Delete GDAP relationship", "Delete", gdapTarget(rel))
	})
}

func gdapTarget(rel partner.GDAPRelationship) AuditTarget {
	return AuditTarget{ID: rel.ID, DisplayName: rel.DisplayName, Type: "GDAPRelationship",
		ModifiedProperties: []ModifiedProperty{{Name: "status", New: rel.Status}}}
}

// GDAPApprovalURL is the link a customer's Global admin opens to approve
// a relationship (partners.md §5.4).
func GDAPApprovalURL(publicURL, relationshipID string) string {
	return fmt.Sprintf("%s/AdminPortal/Home#/partners/invitation/granularAdminRelationships/%s", strings.TrimSuffix(publicURL, "/"), relationshipID)
}

// GDAPCustomer is a customer with at least one live GDAP relationship
// with the partner (Graph's delegatedAdminCustomer).
type GDAPCustomer struct {
	TenantID    string
	DisplayName string
}

// GDAPCustomers lists the customers with a GDAP relationship with the
// partner that is neither terminated nor expired.
func (s *Service) GDAPCustomers(ctx context.Context, partnerID string) ([]GDAPCustomer, error) {
	var out []GDAPCustomer
	err := s.store.View(ctx, partnerID, func(tx Tx) error {
		if err := s.partnerReader(ctx, tx, partnerID); err != nil {
			return err
		}
		rels, err := tx.ListGDAPRelationships("")
		seen := map[string]bool{}
		for _, r := range rels {
			if r.IsLive() && !seen[r.CustomerTenantID] {
				seen[r.CustomerTenantID] = true
				out = append(out, GDAPCustomer{TenantID: r.CustomerTenantID, DisplayName: r.CustomerName})
			}
		}
		return err
	})
	return out, err
}
