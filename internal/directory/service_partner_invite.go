package directory

import (
	"context"
	"fmt"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// ErrDAPDisabled refuses delegated admin while the deployment turned DAP
// off for new relationships (partners.md §3).
var ErrDAPDisabled = &Error{Kind: KindInvalid, Field: "delegatedAdmin", Code: "DAPDisabled",
	Message:   "Delegated admin privileges (DAP) are turned off in this deployment; request a granular (GDAP) relationship instead.",
	MessageNL: "Gedelegeerde beheerdersbevoegdheden (DAP) zijn in deze installatie uitgeschakeld; vraag in plaats daarvan een granulaire relatie (GDAP) aan."}

// CreatePartnerInvitation makes a reseller relationship request of the
// partner tenant tenantID, with or without delegated admin, for an Admin
// or Sales agent to send to a customer. publicURL is the server's address
// for the link.
func (s *Service) CreatePartnerInvitation(ctx context.Context, tenantID string, delegatedAdmin bool, publicURL string) (PartnerInvitation, error) {
	var out PartnerInvitation
	if delegatedAdmin && s.disableDAP {
		return out, ErrDAPDisabled
	}
	err := s.store.Update(ctx, tenantID, func(tx Tx) error {
		p, t, err := s.agentFor(ctx, tx, tenantID, authz.PartnerInvite)
		if err != nil {
			return err
		}
		token, hash, err := newInvitationToken(tenantID)
		if err != nil {
			return err
		}
		now := s.Now()
		inv := partner.Invitation{TokenHash: hash, DelegatedAdmin: delegatedAdmin, CreatedBy: p.UserID, CreatedByName: p.DisplayName,
			CreatedAt: now, ExpiresAt: now.Add(partner.InvitationTTL)}
		if err := tx.CreatePartnerInvitation(&inv); err != nil {
			return err
		}
		out = PartnerInvitation{Token: token, URL: InvitationURL(publicURL, tenantID, token, delegatedAdmin), DelegatedAdmin: delegatedAdmin}
		out.EmailSubject, out.EmailBody = invitationMail(mailLanguage(t.Org), t.Org.DisplayName, p.DisplayName, out.URL, delegatedAdmin)
		return s.audit(ctx, tx, p, "Partner", "Create reseller invitation", "Add", AuditTarget{ID: tenantID, DisplayName: t.Org.DisplayName,
			Type: "Organization", ModifiedProperties: []ModifiedProperty{{Name: "DelegatedAdmin", New: fmt.Sprint(delegatedAdmin)}}})
	})
	return out, err
}

// invitationCaller returns the caller who opens or accepts an invitation:
// a user of the customer tenant acting as themselves.
func invitationCaller(ctx context.Context) (authz.Principal, error) {
	p, err := caller(ctx)
	if err != nil {
		return p, err
	}
	if p.UserID == "" || p.Partner != nil {
		return p, Denied(&authz.Refusal{Message: "Only a Global admin of the customer, signed in with their own account, can answer a partner's invitation."})
	}
	return p, nil
}

// InspectPartnerInvitation returns what an invitation asks, for the page
// a customer's user opens from the link.
func (s *Service) InspectPartnerInvitation(ctx context.Context, token string) (InvitationInfo, error) {
	var info InvitationInfo
	p, err := invitationCaller(ctx)
	if err != nil {
		return info, err
	}
	partnerID, hash, ok := splitInvitationToken(token)
	if !ok || partnerID == p.TenantID {
		return info, ErrPartnerInvitation
	}
	err = s.store.ViewPair(ctx, p.TenantID, partnerID, func(ctx, pt Tx) error {
		inv, t, err := s.openInvitation(pt, hash)
		if err != nil {
			return err
		}
		info = invitationInfo(t, inv)
		if r, err := ctx.GetPartnerRelationship(partnerID); err == nil {
			info.Existing = "reseller"
			if r.HasDAP() {
				info.Existing = "delegatedAdmin"
			}
		} else if KindOf(err) != KindNotFound {
			return err
		}
		return nil
	})
	if KindOf(err) == KindNotFound {
		return info, ErrPartnerInvitation
	}
	return info, err
}

// openInvitation finds a usable invitation of the partner tenant of pt.
func (s *Service) openInvitation(pt Tx, hash string) (partner.Invitation, Tenant, error) {
	t, err := pt.Tenant()
	if err != nil {
		return partner.Invitation{}, t, err
	}
	inv, err := pt.GetPartnerInvitation(hash)
	switch {
	case err != nil:
		return inv, t, err
	case !t.Settings.Partner.IsPartner(), !inv.AcceptedAt.IsZero(), !s.Now().Before(inv.ExpiresAt):
		return inv, t, ErrPartnerInvitation
	case inv.DelegatedAdmin && s.disableDAP:
		return inv, t, ErrDAPDisabled
	}
	return inv, t, nil
}

func invitationInfo(t Tenant, inv partner.Invitation) InvitationInfo {
	info := InvitationInfo{PartnerTenantID: t.ID, PartnerName: t.Org.DisplayName, InvitedBy: inv.CreatedByName,
		DelegatedAdmin: inv.DelegatedAdmin}
	if len(t.Org.TechnicalNotificationMails) > 0 {
		info.ContactEmail = t.Org.TechnicalNotificationMails[0]
	}
	if len(t.Org.BusinessPhones) > 0 {
		info.ContactPhone = t.Org.BusinessPhones[0]
	}
	return info
}

// AcceptPartnerInvitation makes the invitation's partner the reseller of
// the caller's organization, with delegated admin if the invitation asks
// for it (partners.md §2.4). Only a Global admin of the customer accepts;
// a link works once. Both tenants' audit logs record it, and the partner's
// admin agents and the customer's Global admins are told.
func (s *Service) AcceptPartnerInvitation(ctx context.Context, token string) (partner.Relationship, error) {
	var rel partner.Relationship
	p, err := invitationCaller(ctx)
	if err != nil {
		return rel, err
	}
	if err := authz.Check(p, authz.OrgManage, p.TenantID); err != nil {
		return rel, Denied(err)
	}
	partnerID, hash, ok := splitInvitationToken(token)
	if !ok || partnerID == p.TenantID {
		return rel, ErrPartnerInvitation
	}
	err = s.store.UpdatePair(ctx, p.TenantID, partnerID, func(ct, pt Tx) error {
		inv, pten, err := s.openInvitation(pt, hash)
		if err != nil {
			return err
		}
		cten, err := ct.Tenant()
		if err != nil {
			return err
		}
		now := s.Now()
		rel, err = ct.GetPartnerRelationship(partnerID)
		isNew := KindOf(err) == KindNotFound
		if err != nil && !isNew {
			return err
		}
		if isNew {
			rel = partner.Relationship{PartnerTenantID: partnerID, ContractID: newID(), PartnerName: pten.Org.DisplayName,
				CustomerName: cten.Org.DisplayName, CustomerDomain: defaultDomain(ct), ResellerSince: now}
		}
		addDAP := inv.DelegatedAdmin && !rel.HasDAP()
		if addDAP {
			rel.DAPSince = now
		}
		inv.AcceptedAt, inv.AcceptedBy = now, p.TenantID
		if err := pt.AcceptPartnerInvitation(&inv); err != nil {
			return err
		}
		if err := ct.PutPartnerRelationship(&rel); err != nil {
			return err
		}
		return s.auditAcceptance(ctx, ct, pt, p, cten, pten, isNew, addDAP)
	})
	if KindOf(err) == KindNotFound {
		return rel, ErrPartnerInvitation
	}
	return rel, err
}

// auditAcceptance records an accepted invitation on both sides and queues
// the notices.
func (s *Service) auditAcceptance(ctx context.Context, ct, pt Tx, p authz.Principal, cten, pten Tenant, isNew, addDAP bool) error {
	custTarget := AuditTarget{ID: cten.ID, DisplayName: cten.Org.DisplayName, Type: "Organization"}
	partTarget := AuditTarget{ID: pten.ID, DisplayName: pten.Org.DisplayName, Type: "Partner"}
	var activities []string
	if isNew {
		activities = append(activities, "Add partner to company")
	}
	if addDAP {
		activities = append(activities, "Add delegated admin")
	}
	for _, a := range activities {
		if err := s.audit(ctx, ct, p, "Partner", a, "Add", partTarget, custTarget); err != nil {
			return err
		}
		if err := s.audit(ctx, pt, p, "Partner", a, "Add", custTarget, partTarget); err != nil {
			return err
		}
	}
	if len(activities) == 0 {
		return nil
	}
	what, wat := "as your reseller", "als uw reseller"
	if addDAP {
		what, wat = "as your reseller with delegated admin", "als uw reseller met gedelegeerd beheer"
	}
	toCustomer := partnerNotice{
		subjectEN: pten.Org.DisplayName + " is now your partner",
		bodyEN:    fmt.Sprintf("%s accepted %s %s for %s.\nSee Settings > Partner relationships.\n", p.DisplayName, pten.Org.DisplayName, what, cten.Org.DisplayName),
		subjectNL: pten.Org.DisplayName + " is nu uw partner",
		bodyNL:    fmt.Sprintf("%s heeft %s geaccepteerd %s voor %s.\nZie Instellingen > Partnerrelaties.\n", p.DisplayName, pten.Org.DisplayName, wat, cten.Org.DisplayName),
	}
	toPartner := partnerNotice{
		subjectEN: cten.Org.DisplayName + " accepted your invitation",
		bodyEN:    fmt.Sprintf("%s accepted %s %s. It is on your Customers list.\n", cten.Org.DisplayName, pten.Org.DisplayName, what),
		subjectNL: cten.Org.DisplayName + " heeft uw uitnodiging geaccepteerd",
		bodyNL:    fmt.Sprintf("%s heeft %s geaccepteerd %s. De klant staat in uw lijst Klanten.\n", cten.Org.DisplayName, pten.Org.DisplayName, wat),
	}
	if err := s.queueToGlobalAdmins(ct, toCustomer); err != nil {
		return err
	}
	return s.queueToGroup(pt, pten.Settings.Partner.AdminAgents, toPartner)
}

// defaultDomain returns the tenant's default domain name.
func defaultDomain(tx Tx) string {
	ds, err := tx.ListDomains()
	if err != nil {
		return ""
	}
	for _, d := range ds {
		if d.IsDefault {
			return d.Name
		}
	}
	return ""
}
