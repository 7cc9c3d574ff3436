package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

const (
	skuApps           = "87f46dfa-c372-42e0-81a7-2389fe1fd77e" // Office desktop, web apps, files
	planOfficeDesktop = "e01fd744-2ae1-43a8-909f-d4faeb452bfc"
)

// TestAppInstalls: a licensed user activates the apps on up to five
// devices of each kind, the sixth is refused with the active ones named,
// deactivating frees a place, and admins with licenses.read see the list.
func TestAppInstalls(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	if _, err := a.admin.BuyLicenses(bg, skuApps, 1, ""); err != nil {
		t.Fatal(err)
	}
	anna := h.newUser(a, "anna", map[string]any{"usageLocation": "NL"})
	annaTok := h.token(a.id, anna.ID)
	const mine = "/api/me/installs"
	pc := func(name string) map[string]any { return map[string]any{"deviceName": name, "kind": "pc"} }

	h.want(h.do("", "GET", mine, nil), 401, "InvalidAuthenticationToken")
	r := h.do(annaTok, "GET", mine, nil)
	h.want(r, 200, "")
	if r.body["eligible"] != false || len(r.body["value"].([]any)) != 0 || r.body["limits"].(map[string]any)["phone"] != float64(5) {
		t.Fatalf("before a license: %s", r.raw)
	}
	r = h.do(annaTok, "POST", mine, pc("Laptop"))
	if r.status != 403 || !strings.Contains(r.errMessage(), "ATRIUM_OFFICE_DESKTOP") {
		t.Fatalf("without a license: %d %s", r.status, r.raw)
	}
	// A license with the apps switched off doesn't entitle either.
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+anna.ID+"/assignLicense", assign([]map[string]any{lic(skuApps, planOfficeDesktop)})), 200, "")
	h.want(h.do(annaTok, "POST", mine, pc("Laptop")), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+anna.ID+"/assignLicense", assign([]map[string]any{lic(skuApps)})), 200, "")

	for _, bad := range []map[string]any{
		{"kind": "pc"}, {"deviceName": "X"}, {"deviceName": "", "kind": "pc"}, {"deviceName": strings.Repeat("x", 65), "kind": "pc"},
		{"deviceName": "X", "kind": "watch"}, {"deviceName": 5, "kind": "pc"}, {"deviceName": "X", "kind": "pc", "os": "win"},
		{"deviceName": "line\nbreak", "kind": "pc"},
	} {
		h.want(h.do(annaTok, "POST", mine, bad), 400, "Request_BadRequest")
	}
	var first string
	for i := 1; i <= 5; i++ {
		r := h.do(annaTok, "POST", mine, pc(fmt.Sprintf("Laptop %d", i)))
		h.want(r, 201, "")
		if i == 1 {
			first = r.body["id"].(string)
		}
	}
	h.want(h.do(annaTok, "POST", mine, map[string]any{"deviceName": "Laptop 1", "kind": "tablet"}), 201, "")
	r = h.do(annaTok, "POST", mine, pc("Laptop 6"))
	if r.status != 409 || r.errMessage() != "You have activated the apps on 5 PCs or Macs already: Laptop 1, Laptop 2, Laptop 3, Laptop 4, Laptop 5. Deactivate one in My account first." {
		t.Fatalf("the sixth PC: %d %s", r.status, r.raw)
	}
	h.want(h.do(annaTok, "POST", mine, map[string]any{"deviceName": "laptop 1", "kind": "tablet"}), 409, "Request_BadRequest")
	h.wantAuditBy(a, "Activate apps on a device", anna.ID)

	// Nobody else deactivates Anna's activations; she frees a place.
	h.want(h.do(a.memberTok, "DELETE", mine+"/"+first, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(annaTok, "DELETE", mine+"/"+first, nil), 204, "")
	h.want(h.do(annaTok, "DELETE", mine+"/"+first, nil), 404, "Request_ResourceNotFound")
	h.wantAuditBy(a, "Deactivate apps on a device", anna.ID)
	h.want(h.do(annaTok, "POST", mine, pc("Laptop 6")), 201, "")

	// The admin view.
	admin := "/api/users/" + anna.ID + "/installs"
	h.want(h.do(a.memberTok, "GET", admin, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "GET", admin, nil), 404, "Request_ResourceNotFound")
	_, userAdmin := h.roleUser(a, "uadmin", authz.UserAdmin)
	for _, tok := range []string{a.adminTok, userAdmin} {
		r = h.do(tok, "GET", admin, nil)
		if r.status != 200 || r.body["eligible"] != true || len(r.body["value"].([]any)) != 6 {
			t.Fatalf("admin view: %d %s", r.status, r.raw)
		}
	}
	row := r.body["value"].([]any)[0].(map[string]any)
	if row["kind"] != "pc" || row["deviceName"] != "Laptop 2" || row["activatedDateTime"] == nil || row["id"] == "" {
		t.Fatalf("an install: %v", row)
	}
	// Another tenant's user has their own five.
	bob := h.newUser(b, "bob", nil)
	if r := h.do(h.token(b.id, bob.ID), "GET", mine, nil); r.status != 200 || len(r.body["value"].([]any)) != 0 {
		t.Fatalf("another tenant: %s", r.raw)
	}
}

// TestOwnLicensesAndPlanStates: a user reads their own licenseDetails, each
// plan pending until the provisioning job has run; a license admin app may
// set a usage location but nothing else of a user.
func TestOwnLicensesAndPlanStates(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 1, ""); err != nil {
		t.Fatal(err)
	}
	anna := h.newUser(a, "anna", nil)
	annaTok := h.token(a.id, anna.ID)
	if r := h.do(annaTok, "GET", "/v1.0/me/licenseDetails", nil); r.status != 200 || len(r.body["value"].([]any)) != 0 {
		t.Fatalf("no licenses: %s", r.raw)
	}
	h.want(h.do(annaTok, "GET", "/v1.0/users/"+a.memberID+"/licenseDetails", nil), 403, "Authorization_RequestDenied")

	cfg, _ := appCredentials(h, a, "Licensing", "LicenseAssignment.ReadWrite.All")
	tok, err := cfg.Token(bg)
	if err != nil {
		t.Fatal(err)
	}
	app := tok.AccessToken
	h.want(h.do(app, "PATCH", "/v1.0/users/"+anna.ID, map[string]any{"usageLocation": "NL", "jobTitle": "Chef"}), 403, "Authorization_RequestDenied")
	h.want(h.do(app, "PATCH", "/v1.0/users/"+anna.ID, map[string]any{"usageLocation": "NL"}), 204, "")
	h.want(h.do(app, "POST", "/v1.0/users/"+anna.ID+"/assignLicense", assign([]map[string]any{lic(skuBasic, planChat)})), 200, "")

	states := func() map[string]string {
		t.Helper()
		r := h.do(annaTok, "GET", "/v1.0/me/licenseDetails", nil)
		h.want(r, 200, "")
		out := map[string]string{}
		for _, p := range r.body["value"].([]any)[0].(map[string]any)["servicePlans"].([]any) {
			p := p.(map[string]any)
			out[p["servicePlanName"].(string)] = p["provisioningStatus"].(string)
		}
		return out
	}
	want := map[string]string{"ATRIUM_MAIL_P1": "PendingProvisioning", "ATRIUM_FILES_P1": "PendingProvisioning", "ATRIUM_CHAT": "Disabled",
		"ATRIUM_OFFICE_WEB": "PendingProvisioning", "ATRIUM_AUDIT_COMPANY": "Success"}
	if got := states(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("before the job: %v", got)
	}
	h.provision()
	for k, v := range want {
		if v == "PendingProvisioning" {
			want[k] = "Success"
		}
	}
	if got := states(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after the job: %v", got)
	}
}
