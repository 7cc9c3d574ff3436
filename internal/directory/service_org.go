package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
)

// OrgProps lists the organization properties an admin may change.
var OrgProps = []Prop[Organization]{
	{Name: "displayName", Max: 256, str: func(o *Organization) *string { return &o.DisplayName }},
	{Name: "street", Max: 1024, str: func(o *Organization) *string { return &o.Street }},
	{Name: "city", Max: 128, str: func(o *Organization) *string { return &o.City }},
	{Name: "state", Max: 128, str: func(o *Organization) *string { return &o.State }},
	{Name: "postalCode", Max: 40, str: func(o *Organization) *string { return &o.PostalCode }},
	{Name: "country", Max: 128, str: func(o *Organization) *string { return &o.Country }},
	{Name: "countryLetterCode", Max: 2, check: checkUsageLocation, str: func(o *Organization) *string { return &o.CountryLetterCode }},
	{Name: "businessPhones", Kind: PropStringList, Max: 64, MaxItems: 1, list: func(o *Organization) *[]string { return &o.BusinessPhones }},
	{Name: "preferredLanguage", Max: 35, check: checkLanguage, str: func(o *Organization) *string { return &o.PreferredLanguage }},
	{Name: "defaultUsageLocation", Max: 2, check: checkUsageLocation, str: func(o *Organization) *string { return &o.DefaultUsageLocation }},
	{Name: "technicalNotificationMails", Kind: PropStringList, Max: 254, MaxItems: 20, check: checkMail, list: func(o *Organization) *[]string { return &o.TechnicalNotificationMails }},
	{Name: "marketingNotificationEmails", Kind: PropStringList, Max: 254, MaxItems: 20, check: checkMail, list: func(o *Organization) *[]string { return &o.MarketingNotificationEmails }},
	{Name: "securityComplianceNotificationMails", Kind: PropStringList, Max: 254, MaxItems: 20, check: checkMail, list: func(o *Organization) *[]string { return &o.SecurityComplianceNotificationMails }},
}

// GetOrganization returns the tenant with its domains.
func (s *Service) GetOrganization(ctx context.Context, tenantID string) (Tenant, []Domain, error) {
	var t Tenant
	var ds []Domain
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return t, nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		if t, err = tx.Tenant(); err != nil {
			return err
		}
		ds, err = tx.ListDomains()
		return err
	})
	return t, ds, err
}

// UpdateOrganization changes the organization profile.
func (s *Service) UpdateOrganization(ctx context.Context, tenantID string, c Changes) error {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		mods, err := applyChanges(&t.Org, OrgProps, "organization", c)
		if err != nil {
			return err
		}
		if t.Org.DisplayName == "" {
			return Invalid("displayName", "Property 'displayName' can't be empty.")
		}
		if len(mods) == 0 {
			return nil
		}
		if err := tx.UpdateTenant(t); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", "Set company information", "Update",
			AuditTarget{ID: t.ID, DisplayName: t.Org.DisplayName, Type: "Organization", ModifiedProperties: mods})
	})
}

// ListAudit returns a page of the tenant's audit log, newest first.
func (s *Service) ListAudit(ctx context.Context, tenantID string, q ListQuery) (Page[AuditEvent], error) {
	var page Page[AuditEvent]
	if _, err := s.authorize(ctx, authz.ReportsManage, tenantID); err != nil {
		return page, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		page, err = tx.ListAudit(q)
		return err
	})
	return page, err
}
