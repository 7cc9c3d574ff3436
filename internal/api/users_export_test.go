package api_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

// TestExportUsers: GET /api/users/export streams every user (or a saved
// view's) as the import template's CSV plus roles and licenses, across
// many pages, with formula-like cells neutralised and names kept intact.
func TestExportUsers(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	const path = "/api/users/export"
	h.want(h.do("", "GET", path, nil), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "GET", path, nil), 403, "Authorization_RequestDenied")
	_, billTok := h.roleUser(a, "bill", authz.BillingAdmin)
	h.want(h.do(billTok, "GET", path, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "GET", path+"?$top=5", nil), 400, "Request_BadRequest")

	if _, err := a.admin.BuyLicenses(bg, skuBasic, 1, ""); err != nil {
		t.Fatal(err)
	}
	evil := h.newUser(a, "evil", map[string]any{"displayName": "=HYPERLINK(\"http://x\")", "givenName": "+31 6 1234",
		"surname": "@SUM(A1)", "jobTitle": "-2+3", "department": "Sales", "businessPhones": []string{"+31 20 123 4567"},
		"otherMails": []string{"evil@example.net"}, "city": "Utrecht", "usageLocation": "NL"})
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+evil.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic)})), 200, "")
	h.newUser(a, "zoe", map[string]any{"displayName": "Zoë van ’t Hof 😀", "givenName": "Zoë", "department": "Inkoop"})
	op := authz.WithPrincipal(bg, authz.Operator)
	for i := range 200 { // more than one page of the export
		alias := fmt.Sprintf("bulk%03d", i)
		if _, err := h.app.Directory.CreateUser(op, a.id, directory.Changes{"accountEnabled": true, "displayName": alias,
			"mailNickname": alias, "userPrincipalName": alias + "@" + a.domain}, &directory.PasswordProfile{Password: "Strong-Pass-1"}); err != nil {
			t.Fatal(err)
		}
	}

	rows := h.exportCSV(a.adminTok, path)
	if want := "User Name,First Name,Last Name,Display Name,Job Title,Department,Office Number,Office Phone,Mobile Phone,Fax,Alternate email address,Address,City,State or Province,ZIP or Postal Code,Country or Region,Roles,Licenses"; strings.Join(rows[0], ",") != want {
		t.Fatalf("header: %q", rows[0])
	}
	byUPN := map[string][]string{}
	for _, row := range rows[1:] {
		byUPN[row[0]] = row
	}
	// admin, member, bill, evil, zoe and the bulk users, each once.
	if len(rows)-1 != 205 || len(byUPN) != 205 {
		t.Fatalf("exported %d rows (%d users), want 205", len(rows)-1, len(byUPN))
	}
	got := byUPN["evil@"+a.domain]
	want := []string{"evil@" + a.domain, "'+31 6 1234", "'@SUM(A1)", "'=HYPERLINK(\"http://x\")", "'-2+3", "Sales", "",
		"'+31 20 123 4567", "", "", "evil@example.net", "", "Utrecht", "", "", "", "", "ATRIUM_BUSINESS_BASIC"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("evil row:\n got %q\nwant %q", got, want)
	}
	if z := byUPN["zoe@"+a.domain]; z[1] != "Zoë" || z[3] != "Zoë van ’t Hof 😀" {
		t.Fatalf("zoe row: %q", z)
	}
	if r := byUPN["bill@"+a.domain]; r[16] != "Billing Administrator" {
		t.Fatalf("bill's roles: %q", r)
	}

	// A saved view narrows the export; another tenant's view is not found.
	v := h.do(a.adminTok, "POST", "/api/userViews", client.UserView{Name: "Buyers", Conditions: client.ViewConditions{Department: "Inkoop"}})
	h.want(v, 201, "")
	vid := v.body["id"].(string)
	rows = h.exportCSV(a.adminTok, path+"?viewId="+vid)
	if len(rows) != 2 || rows[1][0] != "zoe@"+a.domain {
		t.Fatalf("view export: %q", rows)
	}
	h.want(h.do(b.adminTok, "GET", path+"?viewId="+vid, nil), 404, "Request_ResourceNotFound")
}

// exportCSV downloads an export and checks its type and byte order mark.
func (h *harness) exportCSV(token, path string) [][]string {
	h.t.Helper()
	r := h.do(token, "GET", path, nil)
	if r.status != 200 || r.header.Get("Content-Type") != "text/csv; charset=utf-8" || !bytes.HasPrefix(r.raw, []byte("\uFEFF")) {
		h.t.Fatalf("export: %d %s %.200s", r.status, r.header.Get("Content-Type"), r.raw)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(r.raw, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		h.t.Fatalf("export CSV: %v", err)
	}
	return rows
}
