package authz

import "testing"

func TestAllowed(t *testing.T) {
	admin := Principal{UserID: "u1", TenantID: "t1", Roles: []string{GlobalAdmin.Key}}
	member := Principal{UserID: "u2", TenantID: "t1"}
	cases := []struct {
		name   string
		p      Principal
		perm   Permission
		tenant string
		want   bool
	}{
		{"global admin writes users", admin, UsersWrite, "t1", true},
		{"global admin manages domains", admin, DomainsManage, "t1", true},
		{"global admin in another tenant", admin, OrgRead, "t2", false},
		{"member reads", member, OrgRead, "t1", true},
		{"member can't write users", member, UsersWrite, "t1", false},
		{"member can't read audit", member, ReportsManage, "t1", false},
		{"member of other tenant can't read", member, OrgRead, "t2", false},
		{"anonymous", Principal{}, OrgRead, "t1", false},
		{"operator", Operator, DomainsManage, "t9", true},
		{"unknown role grants nothing", Principal{UserID: "u", TenantID: "t1", Roles: []string{"nope"}}, UsersWrite, "t1", false},
	}
	for _, c := range cases {
		if got := Allowed(c.p, c.perm, c.tenant); got != c.want {
			t.Errorf("%s: Allowed = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestGlobalAdminHoldsEveryPermission(t *testing.T) {
	if len(GlobalAdmin.Grants) != 15 {
		t.Fatalf("global admin grants %d permissions, want all 15", len(GlobalAdmin.Grants))
	}
	if r, ok := RoleByTemplate("62e90394-69f5-4237-9190-012177145e10"); !ok || r.Key != "global-admin" {
		t.Fatalf("RoleByTemplate(global) = %v, %v", r, ok)
	}
}
