package api_test

import (
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

func TestLicenseReport(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 4, ""); err != nil {
		t.Fatal(err)
	}
	for i, dept := range []string{"Sales", "Sales", "=cmd|x"} {
		u := h.newUser(a, "u"+string(rune('a'+i)), map[string]any{"usageLocation": "NL", "department": dept})
		h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+u.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")
	}
	h.want(h.do("", "GET", "/api/reports/licenses", nil), 401, "InvalidAuthenticationToken")
	_, billTok := h.roleUser(a, "bill", authz.BillingAdmin)
	h.want(h.do(billTok, "GET", "/api/reports/licenses", nil), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "GET", "/api/reports/licenses?format=xml", nil), 400, "Request_BadRequest")
	r := h.do(a.adminTok, "GET", "/api/reports/licenses", nil)
	rows := r.body["value"].([]any)
	if r.status != 200 || len(rows) != 1 {
		t.Fatalf("report: %s", r.raw)
	}
	row := rows[0].(map[string]any)
	depts := row["byDepartment"].([]any)
	if row["total"] != 4.0 || row["assigned"] != 3.0 || row["available"] != 1.0 || len(depts) != 2 ||
		depts[1].(map[string]any)["department"] != "Sales" || depts[1].(map[string]any)["assigned"] != 2.0 {
		t.Fatalf("report row: %s", r.raw)
	}
	r = h.do(a.adminTok, "GET", "/api/reports/licenses?format=csv", nil)
	csv := string(r.raw)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(csv, "ATRIUM_BUSINESS_BASIC,Atrium Business Basic,4,3,1,Sales,2") || !strings.Contains(csv, "'=cmd|x,1") {
		t.Fatalf("csv: %d %s", r.status, csv)
	}
	if r := h.do(b.adminTok, "GET", "/api/reports/licenses", nil); r.status != 200 || len(r.body["value"].([]any)) != 0 {
		t.Fatalf("tenant B's report: %s", r.raw)
	}
}
