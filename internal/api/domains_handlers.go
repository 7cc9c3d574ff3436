package api

import (
	"encoding/json"
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

// neverExpires is Graph's passwordValidityPeriodInDays for "passwords never
// expire", the policy of new tenants.
const neverExpires = 2147483647

// domainJSON is a domain in Graph's shape; the password validity and
// notification window are the tenant's one policy, reported on every
// domain as Graph does.
func domainJSON(d *directory.Domain, pol directory.PasswordPolicy) client.Domain {
	services := []string{}
	if d.IsVerified {
		services = []string{"Email", "OfficeCommunicationsOnline"}
	}
	validity, notify := neverExpires, 14
	if pol.PasswordValidityDays > 0 {
		validity, notify = pol.PasswordValidityDays, pol.PasswordNotificationDays
	}
	return client.Domain{ID: d.Name, AuthenticationType: d.AuthenticationType, IsAdminManaged: true, IsDefault: d.IsDefault,
		IsInitial: d.IsInitial, IsRoot: d.IsRoot, IsVerified: d.IsVerified, PasswordNotificationWindowInDays: notify,
		PasswordValidityPeriodInDays: validity, SupportedServices: services}
}

func (a *API) listDomains(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	ds, err := a.dir.ListDomains(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	pol, err := a.dir.GetPasswordPolicy(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]any, len(ds))
	for i := range ds {
		items[i] = domainJSON(&ds[i], pol)
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("domains"), "value": items})
	return nil
}

func (a *API) writeDomain(w http.ResponseWriter, r *http.Request, status int, d *directory.Domain) error {
	pol, err := a.dir.GetPasswordPolicy(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	body := struct {
		Context string `json:"@odata.context"`
		client.Domain
	}{a.odataContext("domains/$entity"), domainJSON(d, pol)}
	writeJSON(w, status, body)
	return nil
}

func (a *API) getDomain(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	d, err := a.dir.GetDomain(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.writeDomain(w, r, http.StatusOK, &d)
}

func (a *API) createDomain(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var name string
	for _, k := range sortedKeys(m) {
		if k != "id" {
			return badRequest(k, "Property '%s' can't be set when adding a domain; send only 'id'.", k)
		}
	}
	if err := json.Unmarshal(m["id"], &name); err != nil || name == "" {
		return badRequest("id", "Property 'id' (the domain name) is required and must be a string.")
	}
	d, err := a.dir.AddDomain(r.Context(), tenantOf(r.Context()), name)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+"/v1.0/domains/"+d.Name)
	return a.writeDomain(w, r, http.StatusCreated, &d)
}

func (a *API) verifyDomain(w http.ResponseWriter, r *http.Request) error {
	d, err := a.dir.VerifyDomain(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.writeDomain(w, r, http.StatusOK, &d)
}

func (a *API) domainDNSRecords(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	d, err := a.dir.GetDomain(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	items := []any{}
	if !d.IsVerified && d.VerificationCode != "" {
		items = append(items, client.DomainDNSRecord{ODataType: "#microsoft.graph.domainDnsTxtRecord", Label: d.Name,
			RecordType: "Txt", SupportedService: "Email", TTL: 3600, Text: d.VerificationCode})
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("domains('" + d.Name + "')/verificationDnsRecords"), "value": items})
	return nil
}

func (a *API) updateDomain(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	for _, k := range sortedKeys(m) {
		switch k {
		case "isDefault":
			var b bool
			if err := json.Unmarshal(m[k], &b); err != nil {
				return badRequest(k, "Property 'isDefault' must be true or false.")
			}
			if !b {
				return badRequest(k, "A domain stops being the default when another domain becomes it; set isDefault true on that domain.")
			}
		case "authenticationType":
			return badRequest(k, "Federated domains are not supported yet; authenticationType stays Managed.")
		default:
			return badRequest(k, "Property '%s' can't be changed; only isDefault can.", k)
		}
	}
	if _, ok := m["isDefault"]; ok {
		if err := a.dir.SetDefaultDomain(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
			return err
		}
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) deleteDomain(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteDomain(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
