package authz

import "fmt"

// Agent says which of a partner tenant's agent groups a user is a direct
// member of (partners.md §1): the partner roles of seed 001.
type Agent struct {
	Admin    bool // AdminAgents: "Full administration"
	Helpdesk bool // HelpdeskAgents: "Limited administration"
	Sales    bool // SalesAgents
}

// PartnerAction is something a partner's user does for customers.
type PartnerAction string

// The partner actions of the table in partners.md §1.
const (
	PartnerInvite          PartnerAction = "partner.invite"           // request a reseller relationship
	PartnerCustomersRead   PartnerAction = "partner.customers.read"   // the Customers list and contracts
	PartnerBuy             PartnerAction = "partner.buy"              // buy and change customers' subscriptions
	PartnerGDAP            PartnerAction = "partner.gdap"             // request GDAP, manage access assignments
	PartnerAutopilotAdd    PartnerAction = "partner.autopilot.add"    // add Autopilot devices
	PartnerAutopilotManage PartnerAction = "partner.autopilot.manage" // profiles: create, apply, remove
)

// agentActions is the §1 table: which agent role may do which action.
var agentActions = map[PartnerAction]func(Agent) bool{
	PartnerInvite:          func(a Agent) bool { return a.Admin || a.Sales },
	PartnerCustomersRead:   func(a Agent) bool { return a.Admin || a.Sales || a.Helpdesk },
	PartnerBuy:             func(a Agent) bool { return a.Admin || a.Sales },
	PartnerGDAP:            func(a Agent) bool { return a.Admin },
	PartnerAutopilotAdd:    func(a Agent) bool { return a.Admin || a.Sales },
	PartnerAutopilotManage: func(a Agent) bool { return a.Admin },
}

// agentHolders names the agent roles that may do act, for refusals.
var agentHolders = map[PartnerAction]string{
	PartnerInvite:          "Admin agents, Sales agents",
	PartnerCustomersRead:   "Admin agents, Sales agents, Helpdesk agents",
	PartnerBuy:             "Admin agents, Sales agents",
	PartnerGDAP:            "Admin agents",
	PartnerAutopilotAdd:    "Admin agents, Sales agents",
	PartnerAutopilotManage: "Admin agents",
}

// CheckAgent returns nil if p, a user of its own partner tenant who is the
// agent a, may do act; else a Refusal naming the agent groups that may.
// The operator may do everything.
func CheckAgent(p Principal, act PartnerAction, a Agent) error {
	if p.Operator {
		return nil
	}
	if p.UserID != "" && p.Partner == nil {
		if ok := agentActions[act]; ok != nil && ok(a) {
			return nil
		}
	}
	return &Refusal{Message: fmt.Sprintf("Only members of the partner groups %s can do this (%s).", agentHolders[act], act)}
}

// DelegationDAP and DelegationGDAP name how a partner's user holds roles
// in a customer.
const (
	DelegationDAP  = "DAP"
	DelegationGDAP = "GDAP"
)

// DelegatedRoles returns the roles a partner's user, the agent a, holds in
// one customer (roles-and-permissions.md §11.4), and the delegation they
// come from: the GDAP roles when any active access assignment of the user's
// groups applies (gdap, role keys); otherwise, while the customer grants
// delegated admin (dap), Global admin for Admin agents and Password admin
// for Helpdesk agents; otherwise none.
func DelegatedRoles(a Agent, dap bool, gdap []string) ([]string, string) {
	if len(gdap) > 0 {
		return gdap, DelegationGDAP
	}
	if !dap {
		return nil, ""
	}
	var roles []string
	if a.Admin {
		roles = append(roles, GlobalAdmin.Key)
	}
	if a.Helpdesk {
		roles = append(roles, PasswordAdmin.Key)
	}
	if len(roles) == 0 {
		return nil, ""
	}
	return roles, DelegationDAP
}

// DelegationReseller marks what a partner's agent does for a customer as
// its reseller (buying subscriptions), which needs no admin role there.
const DelegationReseller = "Reseller"
