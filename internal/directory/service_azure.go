package directory

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/azure"
)

// CustomerScope says whose data a call is about and who acts: TenantID's
// own users (PartnerID empty), or the agents of PartnerID, the caller's
// own partner tenant, for its customer TenantID.
type CustomerScope struct {
	TenantID  string
	PartnerID string
}

// resources runs fn for the caller in scope.
func (s *Service) resources(ctx context.Context, sc CustomerScope, write bool, fn func(a *resourceActor, ct Tx) error) error {
	if sc.PartnerID == "" {
		return s.customerResources(ctx, sc.TenantID, write, fn)
	}
	return s.partnerResources(ctx, sc.PartnerID, sc.TenantID, write, fn)
}

// ListResourceSubscriptions lists the resource subscriptions the caller
// may see: where they hold a role, or all of them for a customer's Global
// admin.
func (s *Service) ListResourceSubscriptions(ctx context.Context, sc CustomerScope) ([]azure.Subscription, error) {
	var out []azure.Subscription
	err := s.resources(ctx, sc, false, func(a *resourceActor, ct Tx) error {
		subs, err := ct.ListResourceSubscriptions()
		if err != nil {
			return err
		}
		for _, sub := range subs {
			err := s.checkResource(ct, a, sub.ID, authz.ResourceRead)
			if err == nil {
				out = append(out, sub)
			} else if KindOf(err) != KindDenied {
				return err
			}
		}
		return nil
	})
	return out, err
}

// GetResourceSubscription returns one resource subscription, if the
// caller holds a role on it.
func (s *Service) GetResourceSubscription(ctx context.Context, sc CustomerScope, id string) (azure.Subscription, error) {
	var sub azure.Subscription
	err := s.resources(ctx, sc, false, func(a *resourceActor, ct Tx) error {
		var err error
		sub, err = readableSubscription(s, ct, a, id)
		return err
	})
	return sub, err
}

func readableSubscription(s *Service, ct Tx, a *resourceActor, id string) (azure.Subscription, error) {
	sub, err := ct.GetResourceSubscription(id)
	if err != nil {
		return sub, err
	}
	return sub, s.checkResource(ct, a, id, authz.ResourceRead)
}

// ListResourceRoleAssignments lists a subscription's role assignments
// (Access control), for anyone holding a role on it.
func (s *Service) ListResourceRoleAssignments(ctx context.Context, sc CustomerScope, subID string) ([]azure.RoleAssignment, error) {
	var out []azure.RoleAssignment
	err := s.resources(ctx, sc, false, func(a *resourceActor, ct Tx) error {
		if _, err := readableSubscription(s, ct, a, subID); err != nil {
			return err
		}
		var err error
		out, err = ct.ListResourceRoleAssignments(subID)
		return err
	})
	return out, err
}

// RoleAssignmentInput is a new role assignment: the role definition (its
// id or ARM path), the principal's object id and type.
type RoleAssignmentInput struct {
	RoleDefinitionID string
	PrincipalID      string
	PrincipalType    string
}

// AddResourceRoleAssignment gives a principal a role on a subscription,
// for an Owner or User Access Administrator of it or a customer's Global
// admin (partners.md §7 rule 4). A ForeignGroup principal must be the
// AdminAgents group of a partner with a reseller relationship (rule 3).
func (s *Service) AddResourceRoleAssignment(ctx context.Context, sc CustomerScope, subID string, in RoleAssignmentInput) (azure.RoleAssignment, error) {
	ra := azure.RoleAssignment{ID: newID(), SubscriptionID: subID, PrincipalID: strings.ToLower(strings.TrimSpace(in.PrincipalID)),
		PrincipalType: in.PrincipalType, CreatedAt: s.Now()}
	roleID, ok := azure.RoleID(subID, strings.TrimSpace(in.RoleDefinitionID))
	role, known := authz.ResourceRoleByID(strings.ToLower(roleID))
	if !ok || !known {
		return ra, Invalid("properties.roleDefinitionId", "Property 'roleDefinitionId' must name a built-in role: Owner %s, Contributor %s, Reader %s or User Access Administrator %s.",
			authz.ResourceOwner.ID, authz.ResourceContributor.ID, authz.ResourceReader.ID, authz.ResourceUserAccessAdmin.ID)
	}
	ra.RoleDefinitionID = role.ID
	if !slices.Contains(azure.PrincipalTypes, ra.PrincipalType) {
		return ra, Invalid("properties.principalType", "Property 'principalType' must be one of %s.", strings.Join(azure.PrincipalTypes, ", "))
	}
	if ra.PrincipalID == "" {
		return ra, Invalid("properties.principalId", "Property 'principalId' is required.")
	}
	var foreignPartner string
	if ra.PrincipalType == azure.PrincipalForeignGroup {
		var err error
		if foreignPartner, err = s.adminAgentsOwner(ctx, sc.TenantID, ra.PrincipalID); err != nil {
			return ra, err
		}
	}
	err := s.resources(ctx, sc, true, func(a *resourceActor, ct Tx) error {
		sub, err := ct.GetResourceSubscription(subID)
		if err != nil {
			return err
		}
		if err := s.checkResource(ct, a, subID, authz.ResourceManageAccess); err != nil {
			return err
		}
		name, err := assignablePrincipal(ct, ra, foreignPartner)
		if err != nil {
			return err
		}
		ra.CreatedBy = a.p.UserID
		if err := ct.CreateResourceRoleAssignment(&ra); err != nil {
			return err
		}
		return s.auditResource(ctx, ct, a, "Add resource role assignment", "Assign", sub, role.Name, ra, name)
	})
	return ra, err
}

// assignablePrincipal checks that the principal of ra exists for the
// customer and returns its name for the audit.
func assignablePrincipal(ct Tx, ra azure.RoleAssignment, foreignPartner string) (string, error) {
	bad := func() error {
		return Invalid("properties.principalId", "Principal %s is not a %s of this organization.", ra.PrincipalID, ra.PrincipalType)
	}
	switch ra.PrincipalType {
	case azure.PrincipalUser:
		u, err := ct.GetUser(ra.PrincipalID)
		if KindOf(err) == KindNotFound {
			return "", bad()
		}
		return u.DisplayName, err
	case azure.PrincipalGroup:
		g, err := ct.GetGroup(ra.PrincipalID)
		if KindOf(err) == KindNotFound {
			return "", bad()
		}
		return g.DisplayName, err
	case azure.PrincipalServicePrincipal:
		app, err := ct.GetApplication(ra.PrincipalID)
		if KindOf(err) == KindNotFound {
			return "", bad()
		}
		return app.DisplayName, err
	}
	rel, err := ct.GetPartnerRelationship(foreignPartner)
	if KindOf(err) == KindNotFound {
		return "", errNotAdminAgents
	}
	return "AdminAgents (" + rel.PartnerName + ")", err
}

var errNotAdminAgents = Invalid("properties.principalId",
	"A ForeignGroup principal must be the AdminAgents group of a partner that is your reseller.")

// adminAgentsOwner finds the partner of the customer tenantID whose
// AdminAgents group is groupID.
func (s *Service) adminAgentsOwner(ctx context.Context, tenantID, groupID string) (string, error) {
	partners, err := s.partnerTenantsOf(ctx, tenantID)
	if err != nil {
		return "", err
	}
	for _, id := range partners {
		var found bool
		err := s.store.View(ctx, id, func(tx Tx) error {
			t, err := tx.Tenant()
			found = err == nil && t.Settings.Partner.IsPartner() && t.Settings.Partner.AdminAgents == groupID
			return err
		})
		if err != nil {
			return "", err
		}
		if found {
			return id, nil
		}
	}
	return "", errNotAdminAgents
}

// RemoveResourceRoleAssignment removes a role assignment from a
// subscription, for an Owner or User Access Administrator of it or a
// customer's Global admin. Removing the partner's ForeignGroup Owner is
// how a customer stops its partner managing the subscription (rule 3).
func (s *Service) RemoveResourceRoleAssignment(ctx context.Context, sc CustomerScope, subID, id string) error {
	return s.resources(ctx, sc, true, func(a *resourceActor, ct Tx) error {
		sub, err := ct.GetResourceSubscription(subID)
		if err != nil {
			return err
		}
		if err := s.checkResource(ct, a, subID, authz.ResourceManageAccess); err != nil {
			return err
		}
		as, err := ct.ListResourceRoleAssignments(subID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(as, func(ra azure.RoleAssignment) bool { return ra.ID == strings.ToLower(id) })
		if i < 0 {
			return NotFound(id)
		}
		if err := ct.DeleteResourceRoleAssignment(subID, as[i].ID); err != nil {
			return err
		}
		role, _ := authz.ResourceRoleByID(as[i].RoleDefinitionID)
		return s.auditResource(ctx, ct, a, "Remove resource role assignment", "Unassign", sub, role.Name, as[i], as[i].PrincipalID)
	})
}

// auditResource records a change of a subscription's access in the
// customer and, for a partner's agent, in the partner tenant too.
func (s *Service) auditResource(ctx context.Context, ct Tx, a *resourceActor, activity, op string, sub azure.Subscription, role string, ra azure.RoleAssignment, principal string) error {
	target := AuditTarget{ID: sub.ID, DisplayName: sub.DisplayName, Type: "ResourceSubscription",
		ModifiedProperties: []ModifiedProperty{{Name: "Role", New: role}, {Name: "PrincipalType", New: ra.PrincipalType},
			{Name: "PrincipalId", New: ra.PrincipalID}}}
	who := AuditTarget{ID: ra.PrincipalID, DisplayName: principal, Type: ra.PrincipalType}
	if err := s.audit(ctx, ct, a.p, "ResourceManagement", activity, op, target, who); err != nil {
		return err
	}
	if a.partner == nil {
		return nil
	}
	home := a.p
	home.Partner, home.TenantID = nil, a.p.Partner.TenantID
	return s.audit(ctx, a.partner.tx, home, "ResourceManagement", activity, op, target, who)
}

// checkSubscriptionName validates a new subscription's display name.
func checkSubscriptionName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 64 {
		return name, Invalid("displayName", "Property 'displayName' is required and may have at most 64 characters.")
	}
	return name, nil
}
