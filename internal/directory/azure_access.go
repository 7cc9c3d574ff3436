package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/azure"
)

// resourceActor is who acts on a customer's resource subscriptions: one
// of the customer's own users or apps, or an agent of one of its partners
// (partner set), with what they bring to the access rules.
type resourceActor struct {
	p       authz.Principal // for a partner's agent, Partner is set: audits go on their behalf
	partner *partnerResource
}

// partnerResource is what a partner's agent brings: the partner's
// AdminAgents group and whether they are in it or hold a delegation.
type partnerResource struct {
	tx          Tx // the partner tenant
	adminAgents string
	access      authz.PartnerResource
}

// check decides whether the actor may do act on subscription subID of the
// customer ct, from the subscription's role assignments.
func (s *Service) checkResource(ct Tx, a *resourceActor, subID string, act authz.ResourceAction) error {
	as, err := ct.ListResourceRoleAssignments(subID)
	if err != nil {
		return err
	}
	var held []string
	for _, ra := range as {
		ok, err := a.holds(ct, ra)
		if err != nil {
			return err
		}
		if ok {
			held = append(held, ra.RoleDefinitionID)
		}
	}
	if a.partner != nil {
		pr := a.partner.access
		pr.Held = held
		err = authz.CheckPartnerResource(s.azureAccess, act, pr)
	} else {
		err = authz.CheckResource(a.p, act, a.p.TenantID, held)
	}
	if err != nil {
		return Denied(err)
	}
	return nil
}

// holds reports whether ra gives the actor its role: a customer's user
// directly or through a group they are in at any depth, a customer's app
// as its service principal, a partner's agent through its AdminAgents.
func (a *resourceActor) holds(ct Tx, ra azure.RoleAssignment) (bool, error) {
	if a.partner != nil {
		return ra.PrincipalType == azure.PrincipalForeignGroup && ra.PrincipalID == a.partner.adminAgents, nil
	}
	switch ra.PrincipalType {
	case azure.PrincipalUser:
		return a.p.UserID != "" && ra.PrincipalID == a.p.UserID, nil
	case azure.PrincipalServicePrincipal:
		return a.p.AppObjectID != "" && ra.PrincipalID == a.p.AppObjectID, nil
	case azure.PrincipalGroup:
		if a.p.UserID == "" {
			return false, nil
		}
		return ct.IsTransitiveMember(ra.PrincipalID, a.p.UserID)
	}
	return false, nil
}

// customerResources runs fn for the customer's own user or app acting on
// its resource subscriptions. A partner's user acting in the customer
// through a delegation uses the partner routes instead: delegated roles
// give no access to resource subscriptions (partners.md §7 rule 1).
func (s *Service) customerResources(ctx context.Context, tenantID string, write bool, fn func(a *resourceActor, ct Tx) error) error {
	p, err := caller(ctx)
	if err != nil {
		return err
	}
	if p.Partner != nil {
		return Denied(&authz.Refusal{Message: "Delegated admin roles give no access to resource subscriptions; " +
			"partners reach them from their Customers page through the role assignments of their AdminAgents group."})
	}
	if !p.Operator && p.TenantID != tenantID {
		return NotFound(tenantID)
	}
	run := s.store.View
	if write {
		run = s.store.Update
	}
	return run(ctx, tenantID, func(tx Tx) error { return fn(&resourceActor{p: p}, tx) })
}

// partnerResources runs fn for a user of partnerID acting on the resource
// subscriptions of its customer customerID as its reseller. Without a
// reseller relationship the customer is not found.
func (s *Service) partnerResources(ctx context.Context, partnerID, customerID string, write bool, fn func(a *resourceActor, ct Tx) error) error {
	p, err := caller(ctx)
	if err != nil {
		return err
	}
	if p.UserID == "" || p.Partner != nil || p.TenantID != partnerID || customerID == partnerID {
		return NotFound(customerID)
	}
	run := s.store.ViewPair
	if write {
		run = s.store.UpdatePair
	}
	return run(ctx, customerID, partnerID, func(ct, pt Tx) error {
		pten, err := pt.Tenant()
		if err != nil {
			return err
		}
		prof := pten.Settings.Partner
		if !prof.IsPartner() {
			return NotFound(customerID)
		}
		rel, err := ct.GetPartnerRelationship(partnerID)
		if KindOf(err) == KindNotFound {
			return NotFound(customerID) // not its customer
		}
		if err != nil {
			return err
		}
		pr := &partnerResource{tx: pt, adminAgents: prof.AdminAgents}
		if pr.access.AdminAgent, err = pt.IsTransitiveMember(prof.AdminAgents, p.UserID); err != nil {
			return err
		}
		gdap, _, err := gdapRoles(ct, pt, p.UserID, s.Now())
		if err != nil {
			return err
		}
		pr.access.Delegated = rel.HasDAP() || len(gdap) > 0
		actor := p
		actor.Partner = &authz.PartnerActor{TenantID: partnerID, DisplayName: pten.Org.DisplayName, Delegation: authz.DelegationReseller}
		return fn(&resourceActor{p: actor, partner: pr}, ct)
	})
}
