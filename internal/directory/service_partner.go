package directory

import (
	"context"
	"slices"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// SetPartner makes a tenant a partner tenant, creating its agent groups
// AdminAgents, HelpdeskAgents and SalesAgents (partners.md §1), or, with
// on false, an ordinary tenant again while it has no customers. Only the
// operator does this.
func (s *Service) SetPartner(ctx context.Context, tenantID string, on bool) (partner.Profile, error) {
	p, err := caller(ctx)
	if err != nil {
		return partner.Profile{}, err
	}
	if !p.Operator {
		return partner.Profile{}, Denied(&authz.Refusal{Message: "Only the deployment operator can make a tenant a partner (atrium tenant set-partner)."})
	}
	var prof partner.Profile
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		prof = t.Settings.Partner
		if on == prof.IsPartner() {
			return nil
		}
		if !on {
			customers, err := tx.PartnerCustomers(partner.CustomerKey{}, 1)
			if err != nil {
				return err
			}
			if len(customers) > 0 {
				return Invalid("partner", "The tenant still has customers (%s, ...); their reseller relationships must end first.", customers[0].CustomerName)
			}
			prof.Type = "" // the groups stay, as ordinary groups
			t.Settings.Partner = partner.Profile{}
		} else {
			prof = partner.Profile{Type: partner.TenantType}
			for _, g := range []struct {
				name, desc string
				id         *string
			}{
				{partner.AdminAgentsName, "Partner admin agents: Global admins in customers with delegated admin.", &prof.AdminAgents},
				{partner.HelpdeskAgentsName, "Partner helpdesk agents: password admins in customers with delegated admin.", &prof.HelpdeskAgents},
				{partner.SalesAgentsName, "Partner sales agents: request reseller relationships and buy for customers.", &prof.SalesAgents},
			} {
				grp := Group{ID: newID(), DisplayName: g.name, Description: g.desc, MailNickname: g.name, SecurityEnabled: true,
					GroupTypes: []string{}, CreatedAt: s.Now()}
				if err := tx.CreateGroup(&grp); err != nil {
					return err
				}
				*g.id = grp.ID
			}
			t.Settings.Partner = prof
		}
		if err := tx.UpdateTenant(t); err != nil {
			return err
		}
		activity := "Set partner tenant"
		if !on {
			activity = "Unset partner tenant"
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", activity, "Update", AuditTarget{ID: tenantID, DisplayName: t.Org.DisplayName,
			Type: "Organization", ModifiedProperties: []ModifiedProperty{{Name: "partnerTenantType", New: prof.Type}}})
	})
	return prof, err
}

// agentOf says which agent groups of partner tenant t the user is a
// direct member of.
func agentOf(tx Tx, t Tenant, userID string) (authz.Agent, error) {
	var a authz.Agent
	prof := t.Settings.Partner
	if !prof.IsPartner() || userID == "" {
		return a, nil
	}
	groups, err := directGroups(tx, userID)
	if err != nil {
		return a, err
	}
	a.Admin = slices.Contains(groups, prof.AdminAgents)
	a.Helpdesk = slices.Contains(groups, prof.HelpdeskAgents)
	a.Sales = slices.Contains(groups, prof.SalesAgents)
	return a, nil
}

// directGroups lists the ids of the groups a user is a direct member of.
func directGroups(tx Tx, userID string) ([]string, error) {
	var ids []string
	q := ListQuery{Top: 999}
	for {
		page, err := tx.ListMemberOf(userID, q)
		if err != nil {
			return nil, err
		}
		for _, o := range page.Items {
			if o.Group != nil {
				ids = append(ids, o.Group.ID)
			}
		}
		if page.Next == "" {
			return ids, nil
		}
		q.After = page.Next
	}
}

// agentFor checks that the caller, a user of partner tenant tenantID,
// may do act there, and returns the tenant with the caller.
func (s *Service) agentFor(ctx context.Context, tx Tx, tenantID string, act authz.PartnerAction) (authz.Principal, Tenant, error) {
	p, err := caller(ctx)
	if err != nil {
		return p, Tenant{}, err
	}
	t, err := tx.Tenant()
	if err != nil {
		return p, t, err
	}
	if !p.Operator && (p.TenantID != tenantID || p.Partner != nil) {
		return p, t, NotFound(tenantID)
	}
	if !t.Settings.Partner.IsPartner() {
		return p, t, Invalid("partner", "This organization isn't a partner. The deployment operator makes a tenant a partner (atrium tenant set-partner).")
	}
	a, err := agentOf(tx, t, p.UserID)
	if err != nil {
		return p, t, err
	}
	if err := authz.CheckAgent(p, act, a); err != nil {
		return p, t, Denied(err)
	}
	return p, t, nil
}

// guardAgentGroup applies the agent groups' rules (roles-and-permissions.md
// §11.1): changing their membership makes people admins of customers, so
// it needs roles.delegate; rename reports whether they may be renamed or
// deleted at all (never). A security group with a GDAP access assignment
// is guarded the same way for membership (partners.md §5.6), though it may
// be renamed.
func guardAgentGroup(tx Tx, p authz.Principal, g *Group, rename bool) error {
	t, err := tx.Tenant()
	if err != nil {
		return err
	}
	prof := t.Settings.Partner
	switch {
	case prof.IsAgentGroup(g.ID) && rename:
		return Invalid("displayName", "%s is a partner agent group; it can't be renamed or deleted.", g.DisplayName)
	case prof.IsAgentGroup(g.ID):
	case rename || !prof.IsPartner():
		return nil
	default:
		if used, err := tx.GDAPGroupAssigned(g.ID); err != nil || !used {
			return err
		}
	}
	if err := authz.Check(p, authz.RolesDelegate, t.ID); err != nil {
		return Denied(err)
	}
	return nil
}

// PartnerProfile returns the caller's organization's partner profile and
// the agent groups the caller is in.
func (s *Service) PartnerProfile(ctx context.Context, tenantID string) (partner.Profile, authz.Agent, error) {
	var prof partner.Profile
	var agent authz.Agent
	p, err := s.authorize(ctx, authz.OrgRead, tenantID)
	if err != nil {
		return prof, agent, err
	}
	if p.Partner != nil { // acting in a customer: it is no partner of its own here
		return prof, agent, nil
	}
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		prof = t.Settings.Partner
		agent, err = agentOf(tx, t, p.UserID)
		return err
	})
	return prof, agent, err
}

// DAPEnabled reports whether new relationships may include delegated
// admin privileges.
func (s *Service) DAPEnabled() bool { return !s.disableDAP }

// resellerAgent checks that partnerID is the reseller of customerID, the
// tenant of ct (else the customer is not found, for every caller), and
// then that the caller is an agent of the partner who may do act.
func (s *Service) resellerAgent(ctx context.Context, ct, pt Tx, partnerID, customerID string, act authz.PartnerAction) (authz.Principal, Tenant, partner.Relationship, error) {
	rel, err := ct.GetPartnerRelationship(partnerID)
	if KindOf(err) == KindNotFound {
		return authz.Principal{}, Tenant{}, rel, NotFound(customerID)
	} else if err != nil {
		return authz.Principal{}, Tenant{}, rel, err
	}
	p, t, err := s.agentFor(ctx, pt, partnerID, act)
	return p, t, rel, err
}
