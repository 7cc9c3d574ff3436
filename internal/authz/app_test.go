package authz

import "testing"

// TestAppPrincipal: an app's cells come from its application permissions,
// in its own tenant only; writes on users are limited (L2) and apps never
// reset passwords or make admins.
func TestAppPrincipal(t *testing.T) {
	p := Principal{TenantID: "t1", AppID: "app", AppPermissions: []string{"User.ReadWrite.All", "Domain.ReadWrite.All"}}
	for perm, want := range map[Permission]Cell{OrgRead: Yes, UsersWrite: Limited2, DomainsManage: Yes, PasswordsReset: No,
		RolesDelegate: No, OrgManage: No, BillingManage: No} {
		if got := p.Cell(perm, "t1"); got != want {
			t.Errorf("%s: %v, want %v", perm, got, want)
		}
	}
	if p.Cell(OrgRead, "t2") != No {
		t.Error("an app reads another tenant")
	}
	if err := CheckTarget(p, UsersWrite, "t1", ActSensitive, Target{IsAdmin: true}); err == nil {
		t.Error("an app made a sensitive change to an admin")
	}
	if (Principal{TenantID: "t1", AppID: "app"}).Cell(OrgRead, "t1") != No {
		t.Error("an app without permissions reads the directory")
	}
	for _, name := range AppPermissionNames() {
		if !IsAppPermission(name) {
			t.Errorf("%s listed but unknown", name)
		}
	}
}
