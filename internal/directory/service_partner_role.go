package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
)

// The partner roles of seed 001 a partner gives its own users: Full
// administration is membership of AdminAgents, Limited administration of
// HelpdeskAgents.
const (
	PartnerRoleFull    = "fullAdministration"
	PartnerRoleLimited = "limitedAdministration"
	PartnerRoleNone    = "none"
)

// PartnerRole returns a partner tenant's user's partner role.
func (s *Service) PartnerRole(ctx context.Context, tenantID, userID string) (string, error) {
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return "", err
	}
	role := PartnerRoleNone
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, u, err := partnerUser(tx, userID)
		if err != nil {
			return err
		}
		a, err := agentOf(tx, t, u.ID)
		role = partnerRoleOf(a)
		return err
	})
	return role, err
}

func partnerRoleOf(a authz.Agent) string {
	switch {
	case a.Admin:
		return PartnerRoleFull
	case a.Helpdesk:
		return PartnerRoleLimited
	}
	return PartnerRoleNone
}

// partnerUser returns the partner tenant of tx and one of its users.
func partnerUser(tx Tx, idOrUPN string) (Tenant, User, error) {
	t, err := tx.Tenant()
	if err != nil {
		return t, User{}, err
	}
	if !t.Settings.Partner.IsPartner() {
		return t, User{}, Invalid("partnerRole", "Partner roles exist only in a partner organization.")
	}
	u, err := findUser(tx, idOrUPN)
	return t, u, err
}

// SetPartnerRole gives a partner tenant's user the partner role of seed 001
// by moving them in or out of AdminAgents and HelpdeskAgents; like any
// change of those groups it needs roles.delegate (a Global admin).
func (s *Service) SetPartnerRole(ctx context.Context, tenantID, userID, role string) error {
	p, err := s.authorize(ctx, authz.RolesDelegate, tenantID)
	if err != nil {
		return err
	}
	if role != PartnerRoleFull && role != PartnerRoleLimited && role != PartnerRoleNone {
		return Invalid("partnerRole", "Property 'partnerRole' must be fullAdministration, limitedAdministration or none.")
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		t, u, err := partnerUser(tx, userID)
		if err != nil {
			return err
		}
		a, err := agentOf(tx, t, u.ID)
		if err != nil {
			return err
		}
		prof := t.Settings.Partner
		for _, g := range []struct {
			id        string
			has, want bool
		}{{prof.AdminAgents, a.Admin, role == PartnerRoleFull}, {prof.HelpdeskAgents, a.Helpdesk, role == PartnerRoleLimited}} {
			if g.has == g.want {
				continue
			}
			if err := s.moveAgent(ctx, tx, p, g.id, &u, g.want); err != nil {
				return err
			}
		}
		return nil
	})
}

// moveAgent adds u to or removes u from an agent group, with the audit.
func (s *Service) moveAgent(ctx context.Context, tx Tx, p authz.Principal, groupID string, u *User, add bool) error {
	g, err := tx.GetGroup(groupID)
	if err != nil {
		return err
	}
	if add {
		return s.addMember(ctx, tx, p, &g, u.ID)
	}
	if err := tx.RemoveMember(g.ID, u.ID); err != nil {
		return err
	}
	return s.audit(ctx, tx, p, "GroupManagement", "Remove member from group", "Unassign", groupTarget(&g), userTarget(u, nil))
}
