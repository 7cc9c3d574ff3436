package directory

import (
	"context"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/google/uuid"
)

// AddMember adds a user or group to a group. Groups may nest, but never in
// a cycle.
func (s *Service) AddMember(ctx context.Context, tenantID, groupID, memberID string) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		g, err := getGroup(tx, groupID)
		if err != nil {
			return err
		}
		return s.addMember(ctx, tx, p, &g, memberID)
	})
}

func (s *Service) addMember(ctx context.Context, tx Tx, p authz.Principal, g *Group, memberID string) error {
	if g.Synced() {
		return ErrSyncMastered
	}
	if err := guardAgentGroup(tx, p, g, false); err != nil {
		return err
	}
	obj, err := findObject(tx, memberID)
	if err != nil {
		return err
	}
	if obj.Type == TypeGroup {
		if err := tx.LockMembership(); err != nil {
			return err
		}
		cycle, err := tx.IsTransitiveMember(obj.ID(), g.ID)
		if err != nil {
			return err
		}
		if cycle {
			return Invalid("members", "Adding group '%s' to '%s' would make a group a member of itself.", obj.Group.DisplayName, g.DisplayName)
		}
	}
	if err := tx.AddMember(g.ID, obj.Type, obj.ID()); err != nil {
		if KindOf(err) == KindConflict {
			return Invalid("members", "One or more added object references already exist for the following modified properties: 'members'.")
		}
		return err
	}
	return s.audit(ctx, tx, p, "GroupManagement", "Add member to group", "Assign", groupTarget(g), objectTarget(obj))
}

func objectTarget(o DirectoryObject) AuditTarget {
	if o.User != nil {
		return userTarget(o.User, nil)
	}
	return groupTarget(o.Group)
}

// findObject finds an active user (by id or user principal name) or a
// group (by id).
func findObject(tx Tx, id string) (DirectoryObject, error) {
	if _, err := uuid.Parse(id); err != nil && !strings.Contains(id, "@") {
		return DirectoryObject{}, NotFound(id)
	}
	u, err := findUser(tx, id)
	if err == nil {
		return DirectoryObject{Type: TypeUser, User: &u}, nil
	}
	if KindOf(err) != KindNotFound {
		return DirectoryObject{}, err
	}
	g, err := getGroup(tx, id)
	if err != nil {
		return DirectoryObject{}, err
	}
	return DirectoryObject{Type: TypeGroup, Group: &g}, nil
}

// RemoveMember removes a member from a group.
func (s *Service) RemoveMember(ctx context.Context, tenantID, groupID, memberID string) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		g, err := getGroup(tx, groupID)
		if err != nil {
			return err
		}
		if g.Synced() {
			return ErrSyncMastered
		}
		if err := guardAgentGroup(tx, p, &g, false); err != nil {
			return err
		}
		obj, err := findObject(tx, memberID)
		if err != nil {
			return err
		}
		if err := tx.RemoveMember(g.ID, obj.ID()); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "GroupManagement", "Remove member from group", "Unassign", groupTarget(&g), objectTarget(obj))
	})
}

// AddOwner makes a user an owner of a group.
func (s *Service) AddOwner(ctx context.Context, tenantID, groupID, userID string) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		g, err := getGroup(tx, groupID)
		if err != nil {
			return err
		}
		return s.addOwner(ctx, tx, p, &g, userID)
	})
}

func (s *Service) addOwner(ctx context.Context, tx Tx, p authz.Principal, g *Group, userID string) error {
	obj, err := findObject(tx, userID)
	if err != nil {
		return err
	}
	if obj.Type != TypeUser {
		return Invalid("owners", "Only users can own a group.")
	}
	if err := tx.AddOwner(g.ID, obj.ID()); err != nil {
		if KindOf(err) == KindConflict {
			return Invalid("owners", "One or more added object references already exist for the following modified properties: 'owners'.")
		}
		return err
	}
	return s.audit(ctx, tx, p, "GroupManagement", "Add owner to group", "Assign", groupTarget(g), objectTarget(obj))
}

// RemoveOwner removes an owner from a group.
func (s *Service) RemoveOwner(ctx context.Context, tenantID, groupID, userID string) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		g, err := getGroup(tx, groupID)
		if err != nil {
			return err
		}
		obj, err := findObject(tx, userID)
		if err != nil {
			return err
		}
		if err := tx.RemoveOwner(g.ID, obj.ID()); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "GroupManagement", "Remove owner from group", "Unassign", groupTarget(&g), objectTarget(obj))
	})
}

// Relation names a relationship list of a directory object.
type Relation int

// The relationship lists.
const (
	RelMembers Relation = iota
	RelOwners
	RelMemberOf
)

// ListRelated returns a page of a group's members or owners, or of the
// groups an object is a direct member of.
func (s *Service) ListRelated(ctx context.Context, tenantID, id string, rel Relation, q ListQuery) (Page[DirectoryObject], error) {
	var page Page[DirectoryObject]
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return page, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		if rel == RelMemberOf {
			obj, err := findObject(tx, id)
			if err != nil {
				return err
			}
			page, err = tx.ListMemberOf(obj.ID(), q)
			return err
		}
		g, err := getGroup(tx, id)
		if err != nil {
			return err
		}
		if rel == RelOwners {
			page, err = tx.ListOwners(g.ID, q)
		} else {
			page, err = tx.ListMembers(g.ID, q)
		}
		return err
	})
	return page, err
}
