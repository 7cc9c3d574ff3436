package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/azure"
)

// CreateResourceSubscription creates a resource subscription of the
// caller's own organization, for its Global admins and billing admins.
// As in Azure, whoever creates it becomes its Owner.
func (s *Service) CreateResourceSubscription(ctx context.Context, tenantID, displayName string) (azure.Subscription, error) {
	var sub azure.Subscription
	p, err := s.authorize(ctx, authz.BillingManage, tenantID)
	if KindOf(err) == KindDenied {
		p, err = s.authorize(ctx, authz.OrgManage, tenantID)
	}
	if err != nil {
		return sub, err
	}
	if p.Partner != nil {
		return sub, Denied(&authz.Refusal{Message: "A partner creates resource subscriptions for its customers from its Customers page, as their reseller."})
	}
	if displayName, err = checkSubscriptionName(displayName); err != nil {
		return sub, err
	}
	now := s.Now()
	sub = azure.Subscription{ID: newID(), DisplayName: displayName, State: azure.StateEnabled, CreatedBy: p.UserID, CreatedAt: now}
	owner := azure.RoleAssignment{ID: newID(), SubscriptionID: sub.ID, RoleDefinitionID: authz.ResourceOwner.ID, CreatedBy: p.UserID, CreatedAt: now}
	switch {
	case p.UserID != "":
		owner.PrincipalID, owner.PrincipalType = p.UserID, azure.PrincipalUser
	case p.AppObjectID != "":
		owner.PrincipalID, owner.PrincipalType = p.AppObjectID, azure.PrincipalServicePrincipal
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := tx.CreateResourceSubscription(&sub); err != nil {
			return err
		}
		if owner.PrincipalID != "" {
			if err := tx.CreateResourceRoleAssignment(&owner); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, p, "ResourceManagement", "Create resource subscription", "Add",
			AuditTarget{ID: sub.ID, DisplayName: sub.DisplayName, Type: "ResourceSubscription"})
	})
	return sub, err
}

// ProvisionResourceSubscription is a partner's agent creating a resource
// subscription for its customer as its reseller (partners.md §7 rule 2):
// the partner's AdminAgents group becomes its Owner, as a ForeignGroup.
// Admin and Sales agents may, as for other purchases (§2.6); only members
// of AdminAgents can then use it. Both tenants audit it.
func (s *Service) ProvisionResourceSubscription(ctx context.Context, partnerID, customerID, displayName string) (azure.Subscription, error) {
	var sub azure.Subscription
	displayName, err := checkSubscriptionName(displayName)
	if err != nil {
		return sub, err
	}
	if customerID == partnerID {
		return sub, NotFound(customerID)
	}
	err = s.store.UpdatePair(ctx, customerID, partnerID, func(ct, pt Tx) error {
		p, pten, _, err := s.resellerAgent(ctx, ct, pt, partnerID, customerID, authz.PartnerBuy)
		if err != nil {
			return err
		}
		now := s.Now()
		sub = azure.Subscription{ID: newID(), DisplayName: displayName, State: azure.StateEnabled, ProvisionedByPartner: partnerID,
			CreatedBy: p.UserID, CreatedAt: now}
		owner := azure.RoleAssignment{ID: newID(), SubscriptionID: sub.ID, RoleDefinitionID: authz.ResourceOwner.ID,
			PrincipalID: pten.Settings.Partner.AdminAgents, PrincipalType: azure.PrincipalForeignGroup, CreatedBy: p.UserID, CreatedAt: now}
		if err := ct.CreateResourceSubscription(&sub); err != nil {
			return err
		}
		if err := ct.CreateResourceRoleAssignment(&owner); err != nil {
			return err
		}
		target := AuditTarget{ID: sub.ID, DisplayName: sub.DisplayName, Type: "ResourceSubscription",
			ModifiedProperties: []ModifiedProperty{{Name: "Owner", New: "AdminAgents (" + pten.Org.DisplayName + ")"}}}
		if err := s.audit(ctx, pt, p, "ResourceManagement", "Create resource subscription", "Add", target); err != nil {
			return err
		}
		p.Partner = &authz.PartnerActor{TenantID: partnerID, DisplayName: pten.Org.DisplayName, Delegation: authz.DelegationReseller}
		return s.audit(ctx, ct, p, "ResourceManagement", "Create resource subscription", "Add", target)
	})
	return sub, err
}
