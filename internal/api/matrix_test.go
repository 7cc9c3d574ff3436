package api_test

import (
	"fmt"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestPermissionMatrix calls, as a holder of each of the eight roles, one
// real endpoint per permission that has one, and checks the seed's cell:
// Y and R allow, N refuses with 403, L1 and L2 allow on a user without an
// admin role and refuse on an admin. The expected cells are written out
// here, independently of the authorization package's table.
//
// All fifteen permissions have endpoints, so all 120 cells are checked
// here. licenses.manage carries the seed's L2 for the User management
// admin: allowed on a user without a role, refused on an admin.
func TestPermissionMatrix(t *testing.T) {
	const Y, N, R, L1, L2 = "Y", "N", "R", "L1", "L2"
	roles := []authz.Role{authz.BillingAdmin, authz.GlobalAdmin, authz.PasswordAdmin, authz.ServiceAdmin,
		authz.UserAdmin, authz.ExchangeAdmin, authz.SharePointAdmin, authz.SkypeAdmin}
	want := map[authz.Permission][8]string{
		authz.OrgRead:         {Y, Y, Y, Y, Y, Y, R, R},
		authz.PasswordsReset:  {N, Y, L1, N, L1, N, N, N},
		authz.UserViewsManage: {N, Y, N, N, Y, Y, Y, Y},
		authz.UsersWrite:      {N, Y, N, N, L2, N, N, N},
		authz.DomainsManage:   {N, Y, N, N, N, N, N, N},
		authz.OrgManage:       {N, Y, N, N, N, N, N, N},
		authz.RolesDelegate:   {N, Y, N, N, N, N, N, N},
		authz.ReportsManage:   {N, Y, N, N, N, Y, Y, N},
		authz.TicketsManage:   {Y, Y, Y, Y, Y, Y, Y, Y},
		authz.HealthRead:      {Y, Y, Y, Y, Y, Y, Y, Y},
		authz.DirSyncManage:   {N, Y, N, N, N, N, N, N},
		authz.DevicesManage:   {N, Y, N, N, N, N, N, N},
		authz.BillingManage:   {Y, Y, N, N, N, N, N, N},
		authz.LicensesManage:  {N, Y, N, N, L2, N, N, N},
		authz.LicensesRead:    {N, Y, N, Y, Y, Y, Y, Y},
	}
	if n := len(roles) * len(want); n != 120 {
		t.Fatalf("the table has %d cells; update the count in the doc comment", n)
	}
	h := newHarness(t)
	a := h.newTenant("alpha")
	// A Mail admin is an admin target that is not a Global admin.
	adminTarget, _ := h.roleUser(a, "mailadmin", authz.ExchangeAdmin)
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/users/"+adminTarget, map[string]any{"usageLocation": "NL"}), 204, "")
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 20, ""); err != nil {
		t.Fatal(err)
	}
	for i, role := range roles {
		actorID, tok := h.roleUser(a, "actor"+fmt.Sprint(i), role)
		_ = actorID
		plain := h.newUser(a, fmt.Sprintf("plain%d", i), map[string]any{"usageLocation": "NL"}).ID
		calls := map[authz.Permission]func(target string) response{
			authz.OrgRead: func(string) response { return h.do(tok, "GET", "/v1.0/organization/"+a.id, nil) },
			authz.PasswordsReset: func(target string) response {
				return h.do(tok, "PATCH", "/v1.0/users/"+target, map[string]any{"passwordProfile": map[string]any{"password": "Reset-Pass-9"}})
			},
			authz.UserViewsManage: func(string) response {
				return h.do(tok, "POST", "/api/userViews", map[string]any{"name": "view " + role.Key})
			},
			authz.UsersWrite: func(target string) response {
				if target == "" {
					return h.do(tok, "POST", "/v1.0/users", map[string]any{"accountEnabled": true, "displayName": "N", "mailNickname": "n" + fmt.Sprint(i),
						"userPrincipalName": fmt.Sprintf("new%d@%s", i, a.domain), "passwordProfile": map[string]any{"password": "Strong-Pass-1"}})
				}
				return h.do(tok, "PATCH", "/v1.0/users/"+target, map[string]any{"mobilePhone": "+31 6 " + fmt.Sprint(i)}) // sensitive
			},
			authz.DomainsManage: func(string) response {
				return h.do(tok, "POST", "/v1.0/domains", map[string]any{"id": fmt.Sprintf("d%d.example", i)})
			},
			authz.OrgManage: func(string) response {
				return h.do(tok, "PATCH", "/v1.0/organization/"+a.id, map[string]any{"city": "City " + fmt.Sprint(i)})
			},
			authz.RolesDelegate: func(string) response {
				return h.do(tok, "POST", "/v1.0/roleManagement/directory/roleAssignments",
					map[string]any{"roleDefinitionId": authz.SkypeAdmin.TemplateID, "principalId": plain})
			},
			authz.ReportsManage: func(string) response { return h.do(tok, "GET", "/v1.0/auditLogs/directoryAudits?$top=1", nil) },
			authz.TicketsManage: func(string) response {
				return h.do(tok, "POST", "/api/support/requests", map[string]any{"title": "Help " + role.Key, "description": "d", "service": "other"})
			},
			authz.HealthRead: func(string) response { return h.do(tok, "GET", "/v1.0/admin/serviceAnnouncement/healthOverviews", nil) },
			authz.DirSyncManage: func(string) response {
				return h.do(tok, "PATCH", "/v1.0/directory/onPremisesSynchronization/"+a.id,
					map[string]any{"configuration": map[string]any{"synchronizationInterval": fmt.Sprintf("PT%dM", 10+i)}})
			},
			authz.DevicesManage: func(string) response {
				return h.do(tok, "POST", "/v1.0/devices", map[string]any{"displayName": "Device " + role.Key})
			},
			authz.BillingManage: func(string) response {
				return h.do(tok, "POST", "/api/billing/orders", map[string]any{"skuId": skuE3, "quantity": 1})
			},
			authz.LicensesManage: func(target string) response {
				return h.do(tok, "POST", "/v1.0/users/"+target+"/assignLicense", assign([]map[string]any{lic(skuBasic)}))
			},
			authz.LicensesRead: func(string) response { return h.do(tok, "GET", "/v1.0/users/"+plain+"/licenseDetails", nil) },
		}
		for perm, row := range want {
			cell := row[i]
			check := func(target, what string, allowed bool) {
				t.Helper()
				r := calls[perm](target)
				ok := r.status < 300
				if ok != allowed || (!ok && (r.status != 403 || r.errCode() != "Authorization_RequestDenied")) {
					t.Errorf("%s / %s (%s) %s: got %d %s, want allowed=%v", role.Label, perm, cell, what, r.status, r.errMessage(), allowed)
				}
			}
			switch {
			case perm == authz.PasswordsReset || perm == authz.UsersWrite || perm == authz.LicensesManage:
				check(plain, "on a user without a role", cell != N)
				check(adminTarget, "on an admin", cell == Y)
				if perm == authz.UsersWrite {
					check("", "creating a user", cell != N)
				}
			default:
				check("", "", cell != N)
			}
		}
	}
}
