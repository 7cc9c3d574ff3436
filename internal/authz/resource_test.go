package authz

import "testing"

// TestResourceAccess covers who may read a resource subscription and
// manage its access (partners.md §7 rules 4 and 5).
func TestResourceAccess(t *testing.T) {
	const tenant = "t1"
	member := Principal{UserID: "u", TenantID: tenant}
	global := Principal{UserID: "g", TenantID: tenant, Roles: []string{GlobalAdmin.Key}}
	for _, tc := range []struct {
		name string
		p    Principal
		act  ResourceAction
		held []string
		want bool
	}{
		{"member without role reads", member, ResourceRead, nil, false},
		{"reader reads", member, ResourceRead, []string{ResourceReader.ID}, true},
		{"reader manages access", member, ResourceManageAccess, []string{ResourceReader.ID}, false},
		{"contributor manages access", member, ResourceManageAccess, []string{ResourceContributor.ID}, false},
		{"owner manages access", member, ResourceManageAccess, []string{ResourceOwner.ID}, true},
		{"user access admin manages access", member, ResourceManageAccess, []string{ResourceUserAccessAdmin.ID}, true},
		{"global admin manages access", global, ResourceManageAccess, nil, true},
		{"unknown role", member, ResourceRead, []string{"00000000-0000-0000-0000-000000000000"}, false},
	} {
		if err := CheckResource(tc.p, tc.act, tenant, tc.held); (err == nil) != tc.want {
			t.Errorf("%s: got %v, want allowed=%v", tc.name, err, tc.want)
		}
	}
	owner := []string{ResourceOwner.ID}
	for _, tc := range []struct {
		name string
		mode string
		act  ResourceAction
		r    PartnerResource
		want bool
	}{
		{"reseller mode, owner, no delegation", AzureAccessReseller, ResourceManageAccess, PartnerResource{AdminAgent: true, Held: owner}, true},
		{"delegated mode, owner, no delegation", AzureAccessDelegated, ResourceManageAccess, PartnerResource{AdminAgent: true, Held: owner}, false},
		{"delegated mode, owner, delegation", AzureAccessDelegated, ResourceManageAccess, PartnerResource{AdminAgent: true, Delegated: true, Held: owner}, true},
		{"not an admin agent", AzureAccessReseller, ResourceRead, PartnerResource{Delegated: true, Held: owner}, false},
		{"no assignment", AzureAccessReseller, ResourceRead, PartnerResource{AdminAgent: true, Delegated: true}, false},
		{"reader reads", AzureAccessReseller, ResourceRead, PartnerResource{AdminAgent: true, Held: []string{ResourceReader.ID}}, true},
		{"contributor manages access", AzureAccessReseller, ResourceManageAccess, PartnerResource{AdminAgent: true, Held: []string{ResourceContributor.ID}}, false},
	} {
		if err := CheckPartnerResource(tc.mode, tc.act, tc.r); (err == nil) != tc.want {
			t.Errorf("%s: got %v, want allowed=%v", tc.name, err, tc.want)
		}
	}
}
