package azure

import "testing"

func TestRoleID(t *testing.T) {
	const sub, role = "11111111-1111-1111-1111-111111111111", "acdd72a7-3385-48ef-bd42-f606fba81ae7"
	for _, tc := range []struct {
		ref, want string
		ok        bool
	}{
		{role, role, true},
		{RoleDefinitionPath(sub, role), role, true},
		{"/providers/Microsoft.Authorization/roleDefinitions/" + role, role, true},
		{RoleDefinitionPath("22222222-2222-2222-2222-222222222222", role), "", false},
		{RoleDefinitionPath(sub, role) + "/x", "", false},
	} {
		if got, ok := RoleID(sub, tc.ref); got != tc.want || ok != tc.ok {
			t.Errorf("RoleID(%q) = %q, %v; want %q, %v", tc.ref, got, ok, tc.want, tc.ok)
		}
	}
}
