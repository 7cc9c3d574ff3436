package api_test

import (
	"net/url"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestUsersByLicense checks the users filter on assignedLicenses (who holds
// a product), which needs licenses.read like the licenses themselves.
func TestUsersByLicense(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 2, ""); err != nil {
		t.Fatal(err)
	}
	anna := h.newUser(a, "anna", map[string]any{"usageLocation": "NL"})
	h.newUser(a, "bob", map[string]any{"usageLocation": "NL"})
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+anna.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")

	q := "/v1.0/users?$filter=" + url.QueryEscape("assignedLicenses/any(x:x/skuId eq "+skuBasic+")")
	r := h.do(a.adminTok, "GET", q, nil)
	h.want(r, 200, "")
	if v := r.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != anna.ID {
		t.Errorf("holders: %s", r.raw)
	}
	if r := h.do(b.adminTok, "GET", q, nil); len(r.body["value"].([]any)) != 0 {
		t.Errorf("another tenant sees holders: %s", r.raw)
	}
	_, helpdesk := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	h.want(h.do(helpdesk, "GET", q, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "GET", "/v1.0/users?$filter="+url.QueryEscape("assignedLicenses/any(x:x/disabledPlans eq 'x')"), nil), 400, "Request_UnsupportedQuery")
}
