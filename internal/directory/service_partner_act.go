package directory

import (
	"context"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
)

// ErrNoDelegation refuses a partner's user in a customer where no
// relationship gives them a role (partners.md §4.1). The same words answer
// a tenant that doesn't exist, so that nobody learns which do.
var ErrNoDelegation = &Error{Kind: KindDenied, Code: "NoDelegation",
	Message:   "Your account has no delegated admin access to this organization. Ask your partner organization's admins, or the customer, for access.",
	MessageNL: "Uw account heeft geen gedelegeerde beheerderstoegang tot deze organisatie. Vraag de beheerders van uw partnerorganisatie, of de klant, om toegang."}

// ActAs returns the principal of home, a user signed in to their own
// tenant, acting in customerTenantID through a partner relationship: the
// roles DAP or GDAP give them there now (roles-and-permissions.md §11.4).
// It reads the relationships on every call, so removing delegated admin
// refuses the next request on every replica. A refusal is audited in the
// user's own tenant.
func (s *Service) ActAs(ctx context.Context, home authz.Principal, customerTenantID string) (authz.Principal, error) {
	customerTenantID = strings.ToLower(strings.TrimSpace(customerTenantID))
	if home.UserID == "" || home.Partner != nil || home.Operator {
		return authz.Principal{}, ErrNoDelegation
	}
	p, err := s.delegatedPrincipal(ctx, customerTenantID, home.TenantID, home.UserID)
	if KindOf(err) == KindNotFound || err == ErrNoDelegation {
		s.auditRefusedActAs(ctx, home, customerTenantID)
		return p, ErrNoDelegation
	}
	p.IPAddress = home.IPAddress
	return p, err
}

// auditRefusedActAs records in the user's own tenant that they tried to
// act in another tenant without a delegation, and in that tenant too when
// the user's organization is one of its partners (so a customer sees its
// former delegated admins knocking).
func (s *Service) auditRefusedActAs(ctx context.Context, home authz.Principal, customerTenantID string) {
	refused := func(tx Tx, p authz.Principal) error {
		e := s.auditEvent(ctx, p, "Partner", "Act for customer", "Other", AuditTarget{ID: customerTenantID, Type: "Organization"})
		e.Result, e.ResultReason = "failure", ErrNoDelegation.Message
		return tx.AppendAudit(e)
	}
	_ = s.store.Update(ctx, home.TenantID, func(tx Tx) error { return refused(tx, home) })
	_ = s.store.Update(ctx, customerTenantID, func(tx Tx) error {
		rel, err := tx.GetPartnerRelationship(home.TenantID)
		if err != nil {
			return err // not a partner of this tenant: nothing to tell it
		}
		p := home
		p.Partner = &authz.PartnerActor{TenantID: home.TenantID, DisplayName: rel.PartnerName}
		return refused(tx, p)
	})
}

// delegatedPrincipal builds the principal of user userID of partner tenant
// partnerID acting in customerID, from the current state of both.
func (s *Service) delegatedPrincipal(ctx context.Context, customerID, partnerID, userID string) (authz.Principal, error) {
	var p authz.Principal
	if customerID == partnerID {
		return p, ErrNoDelegation
	}
	err := s.store.ViewPair(ctx, customerID, partnerID, func(ct, pt Tx) error {
		pten, err := pt.Tenant()
		if err != nil {
			return err
		}
		if !pten.Settings.Partner.IsPartner() {
			return ErrNoDelegation
		}
		u, err := pt.GetUser(userID)
		if err != nil {
			return err
		}
		if !u.AccountEnabled {
			return &Error{Kind: KindUnauthenticated, Message: "The user account is disabled."}
		}
		dap := false
		if rel, err := ct.GetPartnerRelationship(partnerID); err == nil {
			dap = rel.HasDAP()
		} else if KindOf(err) != KindNotFound {
			return err
		}
		agent, err := agentOf(pt, pten, userID)
		if err != nil {
			return err
		}
		gdap, relationshipID, err := gdapRoles(ct, pt, userID, s.Now())
		if err != nil {
			return err
		}
		roles, kind := authz.DelegatedRoles(agent, dap, gdap)
		if len(roles) == 0 {
			return ErrNoDelegation
		}
		if kind != authz.DelegationGDAP {
			relationshipID = ""
		}
		p = authz.Principal{UserID: u.ID, TenantID: customerID, UPN: u.UserPrincipalName, DisplayName: u.DisplayName, Roles: roles,
			MustChangePassword: u.ForceChangePassword || pten.Settings.PasswordPolicy.PasswordExpired(u.PasswordChangedAt, s.Now()),
			Partner:            &authz.PartnerActor{TenantID: partnerID, DisplayName: pten.Org.DisplayName, Delegation: kind, RelationshipID: relationshipID}}
		return nil
	})
	return p, err
}

// foreignPrincipal finds the partner tenant of a user who isn't in
// tenantID but acts there through one of its partners (a token issued by
// the customer's authority), and builds that principal.
func (s *Service) foreignPrincipal(ctx context.Context, tenantID, userID string) (authz.Principal, error) {
	partners, err := s.partnerTenantsOf(ctx, tenantID)
	if err != nil {
		return authz.Principal{}, err
	}
	for _, partnerID := range partners {
		p, err := s.delegatedPrincipal(ctx, tenantID, partnerID, userID)
		if KindOf(err) == KindNotFound {
			continue // not this partner's user
		}
		return p, err
	}
	return authz.Principal{}, NotFound(userID)
}

// partnerTenantsOf lists the partners that have any relationship with the
// customer tenantID.
func (s *Service) partnerTenantsOf(ctx context.Context, tenantID string) ([]string, error) {
	var ids []string
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		rels, err := tx.PartnerRelationships()
		for _, r := range rels {
			ids = append(ids, r.PartnerTenantID)
		}
		if err != nil {
			return err
		}
		more, err := gdapPartners(tx)
		for _, id := range more {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		return err
	})
	return ids, err
}

// PartnerHome returns the partner tenant a sign-in name belongs to when a
// partner's user signs in at the authority of customerID: the tenant that
// verified the name's domain, if it is one of the customer's partners.
func (s *Service) PartnerHome(ctx context.Context, customerID, username string) (string, bool) {
	_, domain, ok := strings.Cut(strings.ToLower(strings.TrimSpace(username)), "@")
	if !ok || domain == "" {
		return "", false
	}
	home, err := s.store.ResolveTenant(ctx, domain)
	if err != nil || home == customerID {
		return "", false
	}
	partners, err := s.partnerTenantsOf(ctx, customerID)
	if err != nil || !slices.Contains(partners, home) {
		return "", false
	}
	return home, true
}
