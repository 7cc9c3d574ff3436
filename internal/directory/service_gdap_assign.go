package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// ListGDAPAssignments lists the access assignments of one of the
// partner's relationships.
func (s *Service) ListGDAPAssignments(ctx context.Context, partnerID, relationshipID string) ([]partner.GDAPAssignment, error) {
	var out []partner.GDAPAssignment
	err := s.store.View(ctx, partnerID, func(tx Tx) error {
		if err := s.partnerReader(ctx, tx, partnerID); err != nil {
			return err
		}
		if _, err := tx.GetGDAPRelationship(relationshipID); err != nil {
			return err
		}
		var err error
		out, err = tx.ListGDAPAssignments(relationshipID)
		return err
	})
	return out, err
}

// GetGDAPAssignment returns one access assignment.
func (s *Service) GetGDAPAssignment(ctx context.Context, partnerID, relationshipID, id string) (partner.GDAPAssignment, error) {
	var out partner.GDAPAssignment
	err := s.store.View(ctx, partnerID, func(tx Tx) error {
		if err := s.partnerReader(ctx, tx, partnerID); err != nil {
			return err
		}
		var err error
		out, err = tx.GetGDAPAssignment(relationshipID, id)
		return err
	})
	return out, err
}

// CreateGDAPAssignment gives a security group of the partner some of an
// active relationship's roles (partners.md §5.6), one group per call.
// Atrium applies an assignment in the same transaction, so it is returned
// active rather than pending: the group's direct members hold the roles in
// the customer from their next request.
func (s *Service) CreateGDAPAssignment(ctx context.Context, partnerID, relationshipID, groupID string, roles []string) (partner.GDAPAssignment, error) {
	var a partner.GDAPAssignment
	err := s.store.Update(ctx, partnerID, func(tx Tx) error {
		p, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP)
		if err != nil {
			return err
		}
		rel, err := assignableRelationship(tx, relationshipID)
		if err != nil {
			return err
		}
		g, err := tx.GetGroup(groupID)
		if KindOf(err) == KindNotFound || (err == nil && !g.SecurityEnabled) {
			return Invalid("accessContainer", "'%s' is not a security group of your organization.", groupID)
		} else if err != nil {
			return err
		}
		existing, err := tx.ListGDAPAssignments(rel.ID)
		if err != nil {
			return err
		}
		for _, o := range existing {
			if o.GroupID == g.ID {
				return Invalid("accessContainer", "%s already has an access assignment in this relationship; change its roles instead.", g.DisplayName)
			}
		}
		if roles, err = partner.CheckAssignmentRoles(rel, roles); err != nil {
			return Invalid("accessDetails", "%s.", upperFirst(err.Error()))
		}
		now := s.Now()
		a = partner.GDAPAssignment{ID: newID(), RelationshipID: rel.ID, GroupID: g.ID, Roles: roles,
			Status: partner.AssignmentActive, CreatedAt: now, ModifiedAt: now, Version: 1}
		if err := tx.CreateGDAPAssignment(&a); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Partner", "Add GDAP access assignment", "Add", assignmentTarget(rel, a, g.DisplayName))
	})
	return a, err
}

// assignableRelationship returns relationship id if its access
// assignments may change: only while it is active.
func assignableRelationship(tx Tx, id string) (partner.GDAPRelationship, error) {
	rel, err := tx.GetGDAPRelationship(id)
	if err == nil && rel.Status != partner.GDAPActive {
		err = Invalid("status", "The relationship is %s; access assignments can change only while it is active.", rel.Status)
	}
	return rel, err
}

func assignmentTarget(rel partner.GDAPRelationship, a partner.GDAPAssignment, groupName string) AuditTarget {
	return AuditTarget{ID: a.ID, DisplayName: groupName, Type: "GDAPAccessAssignment", ModifiedProperties: []ModifiedProperty{
		{Name: "relationship", New: rel.DisplayName}, {Name: "roles", New: gdapRoleNames(a.Roles)}}}
}

// UpdateGDAPAssignment replaces an assignment's roles; ifMatch is the
// caller's etag of it.
func (s *Service) UpdateGDAPAssignment(ctx context.Context, partnerID, relationshipID, id, ifMatch string, roles []string) (partner.GDAPAssignment, error) {
	var a partner.GDAPAssignment
	err := s.store.Update(ctx, partnerID, func(tx Tx) error {
		p, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP)
		if err != nil {
			return err
		}
		rel, err := assignableRelationship(tx, relationshipID)
		if err != nil {
			return err
		}
		if a, err = tx.GetGDAPAssignment(relationshipID, id); err != nil {
			return err
		}
		if err := checkETag(ifMatch, a.ETag(), id); err != nil {
			return err
		}
		if a.Roles, err = partner.CheckAssignmentRoles(rel, roles); err != nil {
			return Invalid("accessDetails", "%s.", upperFirst(err.Error()))
		}
		a.Version, a.ModifiedAt = a.Version+1, s.Now()
		if err := tx.UpdateGDAPAssignment(&a); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Partner", "Update GDAP access assignment", "Update", assignmentTarget(rel, a, groupName(tx, a.GroupID)))
	})
	return a, err
}

// DeleteGDAPAssignment removes an access assignment at once; its group's
// members lose its roles from their next request.
func (s *Service) DeleteGDAPAssignment(ctx context.Context, partnerID, relationshipID, id, ifMatch string) error {
	return s.store.Update(ctx, partnerID, func(tx Tx) error {
		p, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP)
		if err != nil {
			return err
		}
		rel, err := tx.GetGDAPRelationship(relationshipID)
		if err != nil {
			return err
		}
		a, err := tx.GetGDAPAssignment(relationshipID, id)
		if err != nil {
			return err
		}
		if ifMatch != "" {
			if err := checkETag(ifMatch, a.ETag(), id); err != nil {
				return err
			}
		}
		if err := tx.DeleteGDAPAssignment(relationshipID, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Partner", "Delete GDAP access assignment", "Delete", assignmentTarget(rel, a, groupName(tx, a.GroupID)))
	})
}

// groupName is a group's display name, or its id once it is gone.
func groupName(tx Tx, id string) string {
	if g, err := tx.GetGroup(id); err == nil {
		return g.DisplayName
	}
	return id
}
