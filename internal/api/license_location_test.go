package api_test

import "testing"

// TestAssignLicenseDefaultUsageLocation checks that the organization's
// default usage location fills a user's missing one when a license is
// added (issue 5), audited with the license change, and that without a
// default the Graph error stands.
func TestAssignLicenseDefaultUsageLocation(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 2, ""); err != nil {
		t.Fatal(err)
	}
	first := h.newUser(a, "first", nil)
	r := h.do(a.adminTok, "POST", "/v1.0/users/"+first.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)}))
	h.want(r, 400, "Request_BadRequest")

	h.want(h.do(a.adminTok, "PATCH", "/v1.0/organization/"+a.id, map[string]any{"defaultUsageLocation": "BE"}), 204, "")
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+first.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")
	u := h.do(a.adminTok, "GET", "/v1.0/users/"+first.ID+"?$select=usageLocation,assignedLicenses", nil)
	if u.body["usageLocation"] != "BE" || len(u.body["assignedLicenses"].([]any)) != 1 {
		t.Errorf("after assignment with the default: %s", u.raw)
	}
	audit := h.wantAudit(a, "Change user license", first.ID)
	found := false
	for _, m := range audit.TargetResources[0].ModifiedProperties {
		found = found || (m.DisplayName == "usageLocation" && m.NewValue == `"BE"`)
	}
	if !found {
		t.Errorf("the audit doesn't record the filled usage location: %+v", audit.TargetResources[0].ModifiedProperties)
	}
}
