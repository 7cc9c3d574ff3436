package directory

import (
	"context"
	"maps"

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

// SyncEnabledProp is the organization property that turns directory
// synchronization on or off; changing it needs dirsync.manage, the other
// properties org.manage.
const SyncEnabledProp = "onPremisesSyncEnabled"

// UpdateOrganization changes the organization profile.
func (s *Service) UpdateOrganization(ctx context.Context, tenantID string, c Changes) error {
	profile := maps.Clone(c)
	sync, setSync := profile[SyncEnabledProp]
	delete(profile, SyncEnabledProp)
	var p authz.Principal
	var err error
	if setSync {
		if p, err = s.authorize(ctx, authz.DirSyncManage, tenantID); err != nil {
			return err
		}
	}
	if len(profile) > 0 || !setSync {
		if p, err = s.authorize(ctx, authz.OrgManage, tenantID); err != nil {
			return err
		}
	}
	on, ok := sync.(bool)
	if setSync && !ok {
		return Invalid(SyncEnabledProp, "Property '%s' must be true or false.", SyncEnabledProp)
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		mods, err := applyChanges(&t.Org, OrgProps, "organization", profile)
		if err != nil {
			return err
		}
		if t.Org.DisplayName == "" {
			return Invalid("displayName", "Property 'displayName' can't be empty.")
		}
		if len(mods) > 0 {
			if err := tx.UpdateTenant(t); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, p, "DirectoryManagement", "Set company information", "Update",
				AuditTarget{ID: t.ID, DisplayName: t.Org.DisplayName, Type: "Organization", ModifiedProperties: mods}); err != nil {
				return err
			}
		}
		if setSync {
			return s.setSyncEnabled(ctx, tx, p, &t, on)
		}
		return nil
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
