package authz

import (
	"slices"
	"testing"
)

// TestCheckAgent checks the partner role table of partners.md §1 as data:
// every action for every agent group, and that nobody outside the groups,
// no app and no user acting for a customer may act as an agent.
func TestCheckAgent(t *testing.T) {
	admin, helpdesk, sales := Agent{Admin: true}, Agent{Helpdesk: true}, Agent{Sales: true}
	want := map[PartnerAction][3]bool{ // admin, helpdesk, sales
		PartnerInvite:          {true, false, true},
		PartnerCustomersRead:   {true, true, true},
		PartnerBuy:             {true, false, true},
		PartnerGDAP:            {true, false, false},
		PartnerAutopilotAdd:    {true, false, true},
		PartnerAutopilotManage: {true, false, false},
	}
	if len(want) != len(agentActions) {
		t.Fatalf("the table has %d actions, the rules %d", len(want), len(agentActions))
	}
	user := Principal{UserID: "u", TenantID: "p"}
	for act, row := range want {
		for i, a := range []Agent{admin, helpdesk, sales} {
			if got := CheckAgent(user, act, a) == nil; got != row[i] {
				t.Errorf("%s by %+v = %v, want %v", act, a, got, row[i])
			}
		}
		all := Agent{Admin: true, Helpdesk: true, Sales: true}
		if CheckAgent(user, act, Agent{}) == nil {
			t.Errorf("%s by a member outside the agent groups is allowed", act)
		}
		if CheckAgent(Principal{AppID: "app", TenantID: "p"}, act, all) == nil {
			t.Errorf("%s by an app is allowed", act)
		}
		acting := Principal{UserID: "u", TenantID: "c", Partner: &PartnerActor{TenantID: "p"}}
		if CheckAgent(acting, act, all) == nil {
			t.Errorf("%s by a user acting in a customer is allowed", act)
		}
		if CheckAgent(Operator, act, Agent{}) != nil {
			t.Errorf("%s by the operator is refused", act)
		}
	}
}

// TestDelegatedRoles checks roles-and-permissions.md §11.4 for every
// combination of DAP state, agent group membership and GDAP roles.
func TestDelegatedRoles(t *testing.T) {
	gdap := []string{UserAdmin.Key}
	for _, c := range []struct {
		agent Agent
		dap   bool
		gdap  []string
		want  []string
		kind  string
	}{
		{Agent{}, false, nil, nil, ""},
		{Agent{}, true, nil, nil, ""},
		{Agent{Sales: true}, true, nil, nil, ""},
		{Agent{Admin: true}, false, nil, nil, ""},
		{Agent{Admin: true}, true, nil, []string{GlobalAdmin.Key}, DelegationDAP},
		{Agent{Helpdesk: true}, true, nil, []string{PasswordAdmin.Key}, DelegationDAP},
		{Agent{Helpdesk: true}, false, nil, nil, ""},
		{Agent{Admin: true, Helpdesk: true}, true, nil, []string{GlobalAdmin.Key, PasswordAdmin.Key}, DelegationDAP},
		// GDAP roles replace DAP's for a user they apply to.
		{Agent{Admin: true}, true, gdap, gdap, DelegationGDAP},
		{Agent{}, false, gdap, gdap, DelegationGDAP},
		{Agent{Sales: true}, false, gdap, gdap, DelegationGDAP},
		{Agent{Helpdesk: true}, true, gdap, gdap, DelegationGDAP},
	} {
		roles, kind := DelegatedRoles(c.agent, c.dap, c.gdap)
		if !slices.Equal(roles, c.want) || kind != c.kind {
			t.Errorf("%+v dap=%v gdap=%v: %v %q, want %v %q", c.agent, c.dap, c.gdap, roles, kind, c.want, c.kind)
		}
	}
}
