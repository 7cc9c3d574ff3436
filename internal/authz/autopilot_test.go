package authz

import "testing"

// TestAutopilotDecision walks every cell of partners.md §8.2 in both
// policies, with and without delegated admin.
func TestAutopilotDecision(t *testing.T) {
	const (
		Y  = "allowed"
		N  = "never"
		DA = "needs delegated admin"
	)
	origins := []DeviceOrigin{AddedByThisPartner, AddedByOtherPartner, AddedByCustomer}
	// table[action][policy] lists the cell for each origin, in the order of
	// origins; profiles and adding don't depend on the device.
	table := map[AutopilotAction]map[string][3]string{
		AutopilotProfiles: {AutopilotCurrent: {Y, Y, Y}, AutopilotAnnounced: {DA, DA, DA}},
		AutopilotApply:    {AutopilotCurrent: {Y, Y, N}, AutopilotAnnounced: {DA, DA, DA}},
		AutopilotDelete:   {AutopilotCurrent: {Y, Y, N}, AutopilotAnnounced: {Y, DA, DA}},
		AutopilotAdd:      {AutopilotCurrent: {Y, Y, Y}, AutopilotAnnounced: {Y, Y, Y}},
	}
	for act, byPolicy := range table {
		for _, policy := range AutopilotPolicies {
			for i, origin := range origins {
				cell := byPolicy[policy][i]
				for _, delegated := range []bool{false, true} {
					err := AutopilotDecision(act, origin, policy, delegated)
					want := cell == Y || (cell == DA && delegated)
					if (err == nil) != want {
						t.Errorf("action %d, origin %d, %s, delegated %v: got %v, want %s", act, origin, policy, delegated, err, cell)
					}
				}
			}
		}
	}
}

func TestAutopilotDelegated(t *testing.T) {
	for _, tc := range []struct {
		dap  bool
		gdap []string
		want bool
	}{
		{false, nil, false},
		{true, nil, true},
		{false, []string{GlobalAdmin.Key}, true},
		{false, []string{UserAdmin.Key, PasswordAdmin.Key}, false},
	} {
		if got := AutopilotDelegated(tc.dap, tc.gdap); got != tc.want {
			t.Errorf("AutopilotDelegated(%v, %v) = %v, want %v", tc.dap, tc.gdap, got, tc.want)
		}
	}
}
