package authz

import (
	"fmt"
	"slices"
)

// ResourceRole is a built-in Azure-style resource role (partners.md §7):
// what a role assignment on a resource subscription lets its principal do.
type ResourceRole struct {
	ID           string // the role definition id, the same in every tenant
	Name         string
	ManageAccess bool // manage the subscription's role assignments; every role reads it
}

// The four built-in resource roles.
var (
	ResourceOwner           = ResourceRole{ID: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", Name: "Owner", ManageAccess: true}
	ResourceContributor     = ResourceRole{ID: "b24988ac-6180-42a0-ab88-20f7382dd24c", Name: "Contributor"}
	ResourceReader          = ResourceRole{ID: "acdd72a7-3385-48ef-bd42-f606fba81ae7", Name: "Reader"}
	ResourceUserAccessAdmin = ResourceRole{ID: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", Name: "User Access Administrator", ManageAccess: true}
)

// ResourceRoles lists the built-in resource roles.
var ResourceRoles = []ResourceRole{ResourceOwner, ResourceContributor, ResourceReader, ResourceUserAccessAdmin}

// ResourceRoleByID returns the built-in resource role with the given
// role definition id.
func ResourceRoleByID(id string) (ResourceRole, bool) {
	for _, r := range ResourceRoles {
		if r.ID == id {
			return r, true
		}
	}
	return ResourceRole{}, false
}

// ResourceAction is what a principal does with a resource subscription.
type ResourceAction int

// The resource actions.
const (
	ResourceRead         ResourceAction = iota // see the subscription and its role assignments
	ResourceManageAccess                       // add or remove role assignments
)

// allows reports whether a principal holding the roles held may do act.
func allows(held []string, act ResourceAction) bool {
	return slices.ContainsFunc(held, func(id string) bool {
		r, ok := ResourceRoleByID(id)
		return ok && (act == ResourceRead || r.ManageAccess)
	})
}

// CheckResource decides whether p, a user of the customer tenantID acting
// as themselves, may do act on a resource subscription where the
// assignments to them and to their groups give the roles held
// (partners.md §7 rule 4): any role reads; Owner and User Access
// Administrator manage access; a Global admin (org.manage) may do both,
// as Azure's elevated access.
func CheckResource(p Principal, act ResourceAction, tenantID string, held []string) error {
	if Allowed(p, OrgManage, tenantID) || allows(held, act) {
		return nil
	}
	if act == ResourceRead {
		return &Refusal{Message: "You have no role on this subscription. Ask an Owner of it or a Global admin for access."}
	}
	return &Refusal{Message: "Only an Owner or a User Access Administrator of the subscription, or a Global admin, can manage its access."}
}

// The values of the deployment setting partner.azureAccessRequires
// (partners.md §7 rule 5).
const (
	// AzureAccessReseller: membership of AdminAgents and the reseller
	// relationship suffice, so access survives removing delegated admin
	// (seed 002).
	AzureAccessReseller = "resellerRelationship"
	// AzureAccessDelegated: the partner's user also needs an active
	// delegation (DAP or GDAP) to the customer.
	AzureAccessDelegated = "delegatedAdmin"
)

// AzureAccessModes lists the values of partner.azureAccessRequires.
var AzureAccessModes = []string{AzureAccessReseller, AzureAccessDelegated}

// PartnerResource says what a partner's user brings to a customer's
// resource subscription.
type PartnerResource struct {
	AdminAgent bool     // a transitive member of the partner's AdminAgents group
	Delegated  bool     // holds DAP or an active GDAP assignment in the customer
	Held       []string // roles of ForeignGroup assignments to AdminAgents on the subscription
}

// CheckPartnerResource decides whether a partner's user, with a reseller
// relationship to the customer, may do act on one of its resource
// subscriptions under the setting mode (partners.md §7 rule 5).
func CheckPartnerResource(mode string, act ResourceAction, r PartnerResource) error {
	if !r.AdminAgent {
		return &Refusal{Message: "Only members of the partner group AdminAgents can use the partner's access to customers' resource subscriptions."}
	}
	if mode == AzureAccessDelegated && !r.Delegated {
		return &Refusal{Message: "This deployment requires delegated admin (DAP or GDAP) in the customer to use its resource subscriptions; the customer has not granted it to you."}
	}
	if allows(r.Held, act) {
		return nil
	}
	if len(r.Held) == 0 {
		return &Refusal{Message: "Your AdminAgents group has no role on this subscription. The customer can assign it one (Access control)."}
	}
	return &Refusal{Message: fmt.Sprintf("Your AdminAgents group can't manage access on this subscription; it needs %s or %s.",
		ResourceOwner.Name, ResourceUserAccessAdmin.Name)}
}
