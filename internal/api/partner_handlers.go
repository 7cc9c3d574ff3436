package api

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

func (a *API) getPartnerProfile(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	prof, agent, err := a.dir.PartnerProfile(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, client.PartnerProfile{IsPartner: prof.IsPartner(), PartnerTenantType: prof.Type,
		Agent: client.PartnerAgent{Admin: agent.Admin, Helpdesk: agent.Helpdesk, Sales: agent.Sales}, DAPEnabled: a.dir.DAPEnabled()})
	return nil
}

func (a *API) createPartnerInvitation(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		DelegatedAdmin *bool `json:"delegatedAdmin"`
	}
	if err := readInto(w, r, "invitation", &req); err != nil {
		return err
	}
	if req.DelegatedAdmin == nil {
		return badRequest("delegatedAdmin", "Property 'delegatedAdmin' is required: true to ask for delegated admin privileges, false for a reseller relationship alone.")
	}
	ctx := r.Context()
	inv, err := a.dir.CreatePartnerInvitation(ctx, tenantOf(ctx), *req.DelegatedAdmin, a.publicURL)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, client.PartnerInvitation{Token: inv.Token, URL: inv.URL, DelegatedAdmin: inv.DelegatedAdmin,
		EmailSubject: inv.EmailSubject, EmailBody: inv.EmailBody})
	return nil
}

func (a *API) inspectPartnerInvitation(w http.ResponseWriter, r *http.Request) error {
	info, err := a.dir.InspectPartnerInvitation(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, client.InvitationInfo(info))
	return nil
}

func (a *API) acceptPartnerInvitation(w http.ResponseWriter, r *http.Request) error {
	rel, err := a.dir.AcceptPartnerInvitation(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, relationshipJSON(directory.PartnerRelationship{Relationship: rel}))
	return nil
}

func relationshipJSON(r directory.PartnerRelationship) client.PartnerRelationship {
	return client.PartnerRelationship{PartnerTenantID: r.PartnerTenantID, DisplayName: r.PartnerName, ContactEmail: r.ContactEmail,
		ContactPhone: r.ContactPhone, Reseller: true, ResellerSince: timeOrNil(r.ResellerSince), DelegatedAdmin: r.HasDAP(),
		DelegatedAdminSince: timeOrNil(r.DAPSince)}
}

// withGDAP adds each partner's GDAP relationships to the list, and a row
// for a partner with GDAP relationships alone.
func withGDAP(rels []client.PartnerRelationship, gdap []directory.GDAPApproval) []client.PartnerRelationship {
	for i := range gdap {
		v := approvalJSON(&gdap[i])
		at := slices.IndexFunc(rels, func(r client.PartnerRelationship) bool { return r.PartnerTenantID == v.PartnerTenantID })
		if at < 0 {
			rels = append(rels, client.PartnerRelationship{PartnerTenantID: v.PartnerTenantID, DisplayName: v.PartnerName, GDAP: []client.GDAPApproval{}})
			at = len(rels) - 1
		}
		rels[at].GDAP = append(rels[at].GDAP, v)
	}
	for i := range rels {
		if rels[i].GDAP == nil {
			rels[i].GDAP = []client.GDAPApproval{}
		}
	}
	return rels
}

func customerJSON(r partner.Relationship) client.PartnerCustomer {
	return client.PartnerCustomer{TenantID: r.CustomerTenantID, DisplayName: r.CustomerName, DefaultDomainName: r.CustomerDomain,
		ContractID: r.ContractID, ResellerSince: r.ResellerSince, DelegatedAdmin: r.HasDAP(), DelegatedAdminSince: timeOrNil(r.DAPSince)}
}

// customersPage reads $top (default def) and $skiptoken, and returns a
// page of the caller's customers with the nextLink of the next page.
func (a *API) customersPage(r *http.Request, def int) ([]partner.Relationship, string, error) {
	q := r.URL.Query()
	top := def
	if v := q.Get("$top"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, "", badRequest("$top", "$top must be a whole number.")
		}
		top = n
	}
	var after partner.CustomerKey
	if v := q.Get("$skiptoken"); v != "" {
		raw, err := base64.RawURLEncoding.DecodeString(v)
		name, id, ok := strings.Cut(string(raw), "\x00")
		if err != nil || !ok || id == "" {
			return nil, "", badRequest("$skiptoken", "The $skiptoken isn't one this list gave out.")
		}
		after = partner.CustomerKey{Name: name, TenantID: id}
	}
	ctx := r.Context()
	rels, more, err := a.dir.PartnerCustomers(ctx, tenantOf(ctx), after, top)
	if err != nil || !more {
		return rels, "", err
	}
	last := rels[len(rels)-1].Key()
	q.Set("$skiptoken", base64.RawURLEncoding.EncodeToString([]byte(last.Name+"\x00"+last.TenantID)))
	return rels, a.publicURL + r.URL.Path + "?" + q.Encode(), nil
}

func (a *API) listPartnerCustomers(w http.ResponseWriter, r *http.Request) error {
	rels, next, err := a.customersPage(r, directory.MaxCustomersPage)
	if err != nil {
		return err
	}
	out := make([]client.PartnerCustomer, len(rels))
	for i, rel := range rels {
		out[i] = customerJSON(rel)
	}
	body := map[string]any{"value": out}
	if next != "" {
		body["@odata.nextLink"] = next
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

// listContracts is Graph's GET /contracts in a partner tenant, 100 a page.
func (a *API) listContracts(w http.ResponseWriter, r *http.Request) error {
	rels, next, err := a.customersPage(r, 100)
	if err != nil {
		return err
	}
	out := make([]client.Contract, len(rels))
	for i, rel := range rels {
		out[i] = client.Contract{ID: rel.ContractID, ContractType: "ResellerPartner", CustomerID: rel.CustomerTenantID,
			DefaultDomainName: rel.CustomerDomain, DisplayName: rel.CustomerName}
	}
	body := map[string]any{"@odata.context": a.odataContext("contracts"), "value": out}
	if next != "" {
		body["@odata.nextLink"] = next
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (a *API) buyForCustomer(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		SkuID    string `json:"skuId"`
		Quantity int    `json:"quantity"`
	}
	if err := readInto(w, r, "subscription", &req); err != nil {
		return err
	}
	ctx := r.Context()
	sub, err := a.dir.BuyForCustomer(ctx, tenantOf(ctx), r.PathValue("tenantId"), req.SkuID, req.Quantity)
	if err != nil {
		return err
	}
	c, err := a.dir.Catalog(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, a.subscriptionJSON(c, &sub))
	return nil
}

// partnerActivityPage is the size of a page of the partner activity log.
const partnerActivityPage = 100

func (a *API) partnerActivityLog(w http.ResponseWriter, r *http.Request) error {
	var before directory.PartnerCursor
	if v := r.URL.Query().Get("before"); v != "" {
		at, id, ok := cutCursor(v)
		if !ok {
			return badRequest("before", "The 'before' cursor isn't one this log gave out.")
		}
		before = directory.PartnerCursor{At: at, ID: id}
	}
	ctx := r.Context()
	events, err := a.dir.PartnerActivity(ctx, tenantOf(ctx), before, partnerActivityPage)
	if err != nil {
		return err
	}
	out := make([]client.PartnerActivity, len(events))
	for i := range events {
		out[i] = client.PartnerActivity{CustomerTenantID: events[i].CustomerTenantID, DirectoryAudit: auditJSON(&events[i].Event)}
	}
	body := map[string]any{"value": out}
	if len(events) == partnerActivityPage {
		last := events[len(events)-1].Event
		body["nextBefore"] = strconv.FormatInt(last.At.UnixMicro(), 10) + "_" + last.ID
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

// cutCursor reads a "<unix micros>_<id>" cursor of the activity log.
func cutCursor(v string) (time.Time, string, bool) {
	for i := 0; i < len(v); i++ {
		if v[i] == '_' {
			n, err := strconv.ParseInt(v[:i], 10, 64)
			if err != nil || i+1 == len(v) {
				return time.Time{}, "", false
			}
			return time.UnixMicro(n).UTC(), v[i+1:], true
		}
	}
	return time.Time{}, "", false
}

func (a *API) listPartnerRelationships(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	rels, err := a.dir.PartnerRelationships(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	gdap, err := a.dir.CustomerGDAPRelationships(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	out := make([]client.PartnerRelationship, len(rels))
	for i, rel := range rels {
		out[i] = relationshipJSON(rel)
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": withGDAP(out, gdap)})
	return nil
}

func (a *API) getPartnerRelationship(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	rels, err := a.dir.PartnerRelationships(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	for _, rel := range rels {
		if rel.PartnerTenantID == r.PathValue("partnerTenantId") {
			writeJSON(w, http.StatusOK, relationshipJSON(rel))
			return nil
		}
	}
	return directory.NotFound(r.PathValue("partnerTenantId"))
}

func (a *API) removeDelegatedAdmin(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := a.dir.RemoveDelegatedAdmin(ctx, tenantOf(ctx), r.PathValue("partnerTenantId")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) endResellerRelationship(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := a.dir.EndResellerRelationship(ctx, tenantOf(ctx), r.PathValue("tenantId")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) getPartnerRole(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	role, err := a.dir.PartnerRole(ctx, tenantOf(ctx), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]string{"partnerRole": role})
	return nil
}

func (a *API) setPartnerRole(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		PartnerRole string `json:"partnerRole"`
	}
	if err := readInto(w, r, "partnerRole", &req); err != nil {
		return err
	}
	ctx := r.Context()
	if err := a.dir.SetPartnerRole(ctx, tenantOf(ctx), r.PathValue("id"), req.PartnerRole); err != nil {
		return err
	}
	return a.getPartnerRole(w, r)
}
