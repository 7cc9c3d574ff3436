package authz

import (
	"errors"
	"strings"
	"testing"
)

func TestCellAndAllowed(t *testing.T) {
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
		{"global admin in another tenant", admin, OrgRead, "t2", false},
		{"member reads", member, OrgRead, "t1", true},
		{"member can't write users", member, UsersWrite, "t1", false},
		{"member can't read audit", member, ReportsManage, "t1", false},
		{"anonymous", Principal{}, OrgRead, "t1", false},
		{"operator", Operator, DomainsManage, "t9", true},
		{"unknown role grants nothing", Principal{UserID: "u", TenantID: "t1", Roles: []string{"nope"}}, UsersWrite, "t1", false},
		{"best of several roles", Principal{UserID: "u", TenantID: "t1", Roles: []string{PasswordAdmin.Key, GlobalAdmin.Key}}, PasswordsReset, "t1", true},
	}
	for _, c := range cases {
		if got := Allowed(c.p, c.perm, c.tenant); got != c.want {
			t.Errorf("%s: Allowed = %v, want %v", c.name, got, c.want)
		}
	}
	both := Principal{UserID: "u", TenantID: "t1", Roles: []string{PasswordAdmin.Key, GlobalAdmin.Key}}
	if both.Cell(PasswordsReset, "t1") != Yes {
		t.Error("a principal with Password and Global admin is still limited")
	}
}

// TestMatrix checks the 120 cells of the seed's matrix as data.
func TestMatrix(t *testing.T) {
	const Y, N, R, L1, L2 = Yes, No, ReadOnly, Limited1, Limited2
	want := map[Permission][8]Cell{ // Billing, Global, Password, Service, User mgmt, Exchange, SharePoint, Skype
		OrgRead:         {Y, Y, Y, Y, Y, Y, R, R},
		TicketsManage:   {Y, Y, Y, Y, Y, Y, Y, Y},
		PasswordsReset:  {N, Y, L1, N, L1, N, N, N},
		BillingManage:   {Y, Y, N, N, N, N, N, N},
		UserViewsManage: {N, Y, N, N, Y, Y, Y, Y},
		UsersWrite:      {N, Y, N, N, L2, N, N, N},
		LicensesManage:  {N, Y, N, N, L2, N, N, N},
		LicensesRead:    {N, Y, N, Y, Y, Y, Y, Y},
		DomainsManage:   {N, Y, N, N, N, N, N, N},
		OrgManage:       {N, Y, N, N, N, N, N, N},
		RolesDelegate:   {N, Y, N, N, N, N, N, N},
		DirSyncManage:   {N, Y, N, N, N, N, N, N},
		ReportsManage:   {N, Y, N, N, N, Y, Y, N},
		DevicesManage:   {N, Y, N, N, N, N, N, N},
		HealthRead:      {Y, Y, Y, Y, Y, Y, Y, Y},
	}
	if len(want) != 15 || len(Roles) != 8 {
		t.Fatalf("matrix is %d×%d", len(want), len(Roles))
	}
	for perm, row := range want {
		for i, r := range Roles {
			if got := r.Grants(perm); got != row[i] {
				t.Errorf("%s / %s = %d, want %d", r.Label, perm, got, row[i])
			}
		}
	}
}

func TestTargetRules(t *testing.T) {
	p := func(role Role) Principal { return Principal{UserID: "actor", TenantID: "t", Roles: []string{role.Key}} }
	admin, user, self := Target{IsAdmin: true}, Target{}, Target{IsSelf: true, IsAdmin: true}
	cases := []struct {
		name string
		p    Principal
		perm Permission
		act  Action
		t    Target
		rule string // "" allowed; "-" missing permission
	}{
		{"global resets an admin", p(GlobalAdmin), PasswordsReset, ActResetPassword, admin, ""},
		{"global resets own password", p(GlobalAdmin), PasswordsReset, ActResetPassword, self, "self"},
		{"password admin resets a user", p(PasswordAdmin), PasswordsReset, ActResetPassword, user, ""},
		{"password admin resets an admin", p(PasswordAdmin), PasswordsReset, ActResetPassword, admin, "L1"},
		{"user admin resets an admin", p(UserAdmin), PasswordsReset, ActResetPassword, admin, "L1"},
		{"user admin blocks a user", p(UserAdmin), UsersWrite, ActSensitive, user, ""},
		{"user admin blocks an admin", p(UserAdmin), UsersWrite, ActSensitive, admin, "L2"},
		{"user admin edits an admin's job title", p(UserAdmin), UsersWrite, ActEdit, admin, ""},
		{"password admin blocks a user", p(PasswordAdmin), UsersWrite, ActSensitive, user, "-"},
		{"billing admin resets a user", p(BillingAdmin), PasswordsReset, ActResetPassword, user, "-"},
		{"global blocks an admin", p(GlobalAdmin), UsersWrite, ActSensitive, admin, ""},
	}
	for _, c := range cases {
		err := CheckTarget(c.p, c.perm, "t", c.act, c.t)
		var r *Refusal
		switch {
		case c.rule == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.rule == "-" && (!errors.As(err, &r) || r.Rule != "" || !strings.Contains(r.Message, string(c.perm))):
			t.Errorf("%s: %v, want a missing-permission refusal", c.name, err)
		case c.rule != "" && c.rule != "-" && (!errors.As(err, &r) || r.Rule != c.rule):
			t.Errorf("%s: %v, want rule %s", c.name, err, c.rule)
		}
	}
}

func TestRefusalNamesRoles(t *testing.T) {
	err := Check(Principal{UserID: "u", TenantID: "t"}, ReportsManage, "t")
	if err == nil || !strings.Contains(err.Error(), "reports.manage") || !strings.Contains(err.Error(), "Global admin, Mail admin, Sites admin") {
		t.Fatalf("refusal = %v", err)
	}
}

// TestRolesSpeakDutch checks that every role has its Dutch label and
// description, which the admin center and Dutch refusals show.
func TestRolesSpeakDutch(t *testing.T) {
	for _, r := range Roles {
		if r.LabelNL == "" || r.DescriptionNL == "" || r.LabelNL == r.Label {
			t.Errorf("%s: Dutch label %q, description %q", r.Key, r.LabelNL, r.DescriptionNL)
		}
	}
}
