package api

import (
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

func nullableStr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func orgJSON(t *directory.Tenant, ds []directory.Domain) client.Organization {
	o := t.Org
	org := client.Organization{ID: t.ID, DisplayName: o.DisplayName, TenantType: "AAD", CreatedDateTime: t.CreatedAt,
		CountryLetterCode: nullableStr(o.CountryLetterCode), DefaultUsageLocation: nullableStr(o.DefaultUsageLocation),
		PreferredLanguage: nullableStr(o.PreferredLanguage), Street: nullableStr(o.Street), City: nullableStr(o.City),
		State: nullableStr(o.State), PostalCode: nullableStr(o.PostalCode), Country: nullableStr(o.Country),
		BusinessPhones: list(o.BusinessPhones), TechnicalNotificationMails: list(o.TechnicalNotificationMails),
		MarketingNotificationEmails:         list(o.MarketingNotificationEmails),
		SecurityComplianceNotificationMails: list(o.SecurityComplianceNotificationMails),
		VerifiedDomains:                     []client.VerifiedDomain{}, AssignedPlans: []any{}, ProvisionedPlans: []any{},
		OnPremisesSyncEnabled: t.Settings.DirSync.Enabled, PartnerTenantType: nullableStr(t.Settings.Partner.Type)}
	for _, d := range ds {
		if d.IsVerified {
			org.VerifiedDomains = append(org.VerifiedDomains, client.VerifiedDomain{Name: d.Name, Type: d.AuthenticationType,
				IsDefault: d.IsDefault, IsInitial: d.IsInitial, Capabilities: "Email, OfficeCommunicationsOnline"})
		}
	}
	return org
}

func (a *API) listOrganization(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	t, ds, err := a.dir.GetOrganization(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("organization"), "value": []any{orgJSON(&t, ds)}})
	return nil
}

func (a *API) getOrganization(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	tenant := tenantOf(r.Context())
	if !strings.EqualFold(r.PathValue("id"), tenant) {
		return directory.NotFound(r.PathValue("id"))
	}
	t, ds, err := a.dir.GetOrganization(r.Context(), tenant)
	if err != nil {
		return err
	}
	org := orgJSON(&t, ds)
	org.ODataContext = a.odataContext("organization/$entity")
	writeJSON(w, http.StatusOK, org)
	return nil
}

func (a *API) updateOrganization(w http.ResponseWriter, r *http.Request) error {
	tenant := tenantOf(r.Context())
	if !strings.EqualFold(r.PathValue("id"), tenant) {
		return directory.NotFound(r.PathValue("id"))
	}
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	c := directory.Changes{}
	for _, name := range sortedKeys(m) {
		if name == directory.SyncEnabledProp {
			v, err := decodeValue(name, directory.PropBool, m[name])
			if err != nil {
				return err
			}
			c[name] = v
			continue
		}
		var prop *directory.Prop[directory.Organization]
		for i := range directory.OrgProps {
			if directory.OrgProps[i].Name == name {
				prop = &directory.OrgProps[i]
			}
		}
		if prop == nil {
			return badRequest(name, "Property '%s' of the organization can't be changed (or does not exist).", name)
		}
		v, err := decodeValue(name, prop.Kind, m[name])
		if err != nil {
			return err
		}
		c[name] = v
	}
	if err := a.dir.UpdateOrganization(r.Context(), tenant, c); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
