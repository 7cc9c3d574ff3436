package api

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

func productJSON(c *directory.Catalog, p *directory.Product) client.CatalogProduct {
	out := client.CatalogProduct{SkuID: p.SkuID, SkuPartNumber: p.SkuPartNumber, DisplayName: p.DisplayName, AppliesTo: p.AppliesTo,
		UnitPrice: client.Money{Amount: float64(p.PriceCents()) / 100, Currency: c.Currency}}
	if p.MaxSeats > 0 {
		out.MaxSeats = &p.MaxSeats
	}
	for _, sp := range c.ProductPlans(p) {
		out.ServicePlans = append(out.ServicePlans, client.ServicePlanInfo{ServicePlanID: sp.ID, ServicePlanName: sp.Name, AppliesTo: sp.AppliesTo})
	}
	return out
}

func (a *API) getCatalog(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	c, err := a.dir.Catalog(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]client.CatalogProduct, len(c.Products))
	for i := range c.Products {
		items[i] = productJSON(c, &c.Products[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": items})
	return nil
}

func capabilityStatus(s directory.Seats) string {
	switch {
	case s.Enabled > 0:
		return "Enabled"
	case s.Warning > 0:
		return "Warning"
	case s.Suspended > 0:
		return "Suspended"
	case s.LockedOut > 0:
		return "LockedOut"
	}
	return "Deleted"
}

var skuProperties = []string{"id", "accountId", "skuId", "skuPartNumber", "appliesTo", "capabilityStatus", "consumedUnits",
	"prepaidUnits", "subscriptionIds", "servicePlans"}

// skuRules: subscribedSkus take $select only, as in Graph.
var skuRules = &rules{typeName: "subscribedSku", resource: "subscribedSku", selectable: skuProperties, defaults: skuProperties}

func subscribedSkuJSON(tenant string, s *directory.SubscribedSku) client.SubscribedSku {
	out := client.SubscribedSku{ID: tenant + "_" + s.Product.SkuID, AccountID: tenant, SkuID: s.Product.SkuID,
		SkuPartNumber: s.Product.SkuPartNumber, AppliesTo: s.Product.AppliesTo, CapabilityStatus: capabilityStatus(s.Seats),
		ConsumedUnits: s.Seats.Consumed, SubscriptionIDs: s.SubscriptionIDs,
		PrepaidUnits: client.PrepaidUnits{Enabled: s.Seats.Enabled, Warning: s.Seats.Warning, Suspended: s.Seats.Suspended, LockedOut: s.Seats.LockedOut}}
	for _, sp := range s.Plans {
		out.ServicePlans = append(out.ServicePlans, client.ServicePlanInfo{ServicePlanID: sp.ID, ServicePlanName: sp.Name,
			ProvisioningStatus: "Success", AppliesTo: sp.AppliesTo})
	}
	return out
}

// subscribedSkus returns the tenant's SKUs, or the one whose id is only.
func (a *API) subscribedSkus(r *http.Request, only string) ([]map[string]any, error) {
	ctx := r.Context()
	selected, err := a.parseEntity(r, skuRules)
	if err != nil {
		return nil, err
	}
	skus, err := a.dir.SubscribedSkus(ctx, tenantOf(ctx))
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for i := range skus {
		s := subscribedSkuJSON(tenantOf(ctx), &skus[i])
		if only == "" || strings.EqualFold(s.ID, only) {
			out = append(out, selectFields(s, selected))
		}
	}
	if only != "" && len(out) == 0 {
		return nil, directory.NotFound(only)
	}
	return out, nil
}

func (a *API) listSubscribedSkus(w http.ResponseWriter, r *http.Request) error {
	out, err := a.subscribedSkus(r, "")
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("subscribedSkus"), "value": out})
	return nil
}

func (a *API) getSubscribedSku(w http.ResponseWriter, r *http.Request) error {
	out, err := a.subscribedSkus(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	out[0]["@odata.context"] = a.odataContext("subscribedSkus/$entity")
	writeJSON(w, http.StatusOK, out[0])
	return nil
}

func assignedLicensesJSON(ls []directory.License) []client.AssignedLicense {
	out := make([]client.AssignedLicense, len(ls))
	for i, l := range ls {
		out[i] = client.AssignedLicense{SkuID: l.SkuID, DisabledPlans: list(l.DisabledPlans)}
	}
	return out
}

func (a *API) assignLicense(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	if err := onlyFields(m, "addLicenses", "removeLicenses", "autoPurchase"); err != nil {
		return err
	}
	var add []client.AssignedLicense
	var ch directory.LicenseChange
	for _, name := range []string{"addLicenses", "removeLicenses"} {
		if _, ok := m[name]; !ok {
			return badRequest(name, "Property '%s' is required; send an empty array for none.", name)
		}
	}
	if err := decodeStrict("addLicenses", m["addLicenses"], &add); err != nil {
		return err
	}
	if err := decodeStrict("removeLicenses", m["removeLicenses"], &ch.Remove); err != nil {
		return err
	}
	if raw, ok := m["autoPurchase"]; ok {
		if err := json.Unmarshal(raw, &ch.AutoPurchase); err != nil {
			return badRequest("autoPurchase", "Property 'autoPurchase' must be true or false.")
		}
	}
	for _, l := range add {
		if l.SkuID == "" {
			return badRequest("addLicenses", "Every entry of 'addLicenses' needs a skuId.")
		}
		ch.Add = append(ch.Add, directory.License{SkuID: l.SkuID, DisabledPlans: l.DisabledPlans})
	}
	u, ls, err := a.dir.AssignLicense(ctx, tenantOf(ctx), r.PathValue("id"), ch)
	if err != nil {
		return err
	}
	body := userJSON(&u, userRules.defaults)
	body["assignedLicenses"] = assignedLicensesJSON(ls)
	body["@odata.context"] = a.odataContext("users/$entity")
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (a *API) listLicenseDetails(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := noOptions(r); err != nil {
		return err
	}
	user := pathUser(r)
	ls, err := a.dir.UserLicenses(ctx, tenantOf(ctx), user)
	if err != nil {
		return err
	}
	states, err := a.dir.UserPlanStates(ctx, tenantOf(ctx), user)
	if err != nil {
		return err
	}
	c, err := a.dir.Catalog(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	out := []map[string]any{}
	for _, l := range ls {
		p, ok := c.Product(l.SkuID)
		if !ok {
			continue
		}
		var plans []client.ServicePlanInfo
		for _, sp := range c.ProductPlans(p) {
			status, why := planStatus(l, sp, states)
			plans = append(plans, client.ServicePlanInfo{ServicePlanID: sp.ID, ServicePlanName: sp.Name, ProvisioningStatus: status,
				ProvisioningError: why, AppliesTo: sp.AppliesTo})
		}
		id := base64.RawURLEncoding.EncodeToString([]byte(user + "_" + p.SkuID))
		out = append(out, map[string]any{"id": id, "skuId": p.SkuID, "skuPartNumber": p.SkuPartNumber, "servicePlans": plans})
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

// planStatus is a plan's provisioningStatus on a user's license, with the
// reason when it is Error: company plans are the tenant's (Success); a
// switched-off plan is Disabled unless removing it failed.
func planStatus(l directory.License, sp *directory.ServicePlan, states map[string]directory.PlanProvisioning) (string, string) {
	st, ok := states[sp.ID]
	failed := ok && st.Status == directory.ProvisionError
	switch {
	case sp.AppliesTo != "User":
		return "Success", ""
	case slices.Contains(l.DisabledPlans, sp.ID):
		if failed && !st.Wanted {
			return "Error", st.LastError
		}
		return "Disabled", ""
	case failed && st.Wanted:
		return "Error", st.LastError
	case ok && st.Wanted && st.Status == directory.ProvisionSuccess:
		return "Success", ""
	}
	return "PendingProvisioning", ""
}

// licenseStatesJSON renders licenseAssignmentStates: Active, or Error
// with CountViolation for a license beyond the enabled seats.
func licenseStatesJSON(ls []directory.License) []map[string]any {
	out := make([]map[string]any, len(ls))
	for i, l := range ls {
		state, why := "Active", "None"
		if l.CountViolation {
			state, why = "Error", "CountViolation"
		}
		out[i] = map[string]any{"skuId": l.SkuID, "disabledPlans": list(l.DisabledPlans), "assignedByGroup": nil,
			"state": state, "error": why, "lastUpdatedDateTime": timeOrNull(l.AssignedAt)}
	}
	return out
}

// withLicenses fills the users' licenses when assignedLicenses or
// licenseAssignmentStates is selected.
func (a *API) withLicenses(r *http.Request, users []directory.User, selected []string) error {
	if !slices.Contains(selected, "assignedLicenses") && !slices.Contains(selected, "licenseAssignmentStates") {
		return nil
	}
	return a.dir.WithLicenses(r.Context(), tenantOf(r.Context()), users)
}
