// Package azure holds the data of Azure-style resource subscriptions and
// their role assignments (partners.md §7). It is pure: the directory
// service stores them and enforces who may do what.
package azure

import (
	"strings"
	"time"
)

// The states of a resource subscription.
const (
	StateEnabled  = "Enabled"
	StateDisabled = "Disabled"
	StateDeleted  = "Deleted"
)

// Subscription is a resource subscription of a tenant: a container of
// resources with its own role assignments.
type Subscription struct {
	ID          string
	DisplayName string
	State       string
	// ProvisionedByPartner is the partner tenant that created it for the
	// customer, or "".
	ProvisionedByPartner string
	CreatedBy            string // the user id of who created it
	CreatedAt            time.Time
}

// The principal types of a role assignment.
const (
	PrincipalUser             = "User"
	PrincipalGroup            = "Group"
	PrincipalServicePrincipal = "ServicePrincipal"
	// PrincipalForeignGroup is a group of another tenant: a partner's
	// AdminAgents group.
	PrincipalForeignGroup = "ForeignGroup"
)

// PrincipalTypes lists the principal types of role assignments.
var PrincipalTypes = []string{PrincipalUser, PrincipalGroup, PrincipalServicePrincipal, PrincipalForeignGroup}

// RoleAssignment gives a principal a resource role on one subscription.
type RoleAssignment struct {
	ID               string
	SubscriptionID   string
	RoleDefinitionID string // a built-in resource role's id (authz.ResourceRoles)
	PrincipalID      string
	PrincipalType    string
	CreatedBy        string // the user id of who assigned it
	CreatedAt        time.Time
}

// Scope is the ARM scope of a subscription.
func Scope(subscriptionID string) string { return "/subscriptions/" + subscriptionID }

// RoleDefinitionPath is the ARM id of a role definition at a
// subscription's scope.
func RoleDefinitionPath(subscriptionID, roleID string) string {
	return Scope(subscriptionID) + "/providers/Microsoft.Authorization/roleDefinitions/" + roleID
}

// AssignmentPath is the ARM id of a role assignment.
func AssignmentPath(subscriptionID, id string) string {
	return Scope(subscriptionID) + "/providers/Microsoft.Authorization/roleAssignments/" + id
}

// RoleID returns the role definition id that ref names: a bare id, or its
// ARM path at the subscription's scope (as RoleDefinitionPath writes it,
// or the tenant-wide /providers/Microsoft.Authorization/roleDefinitions/
// form). ok is false for a path of another scope.
func RoleID(subscriptionID, ref string) (string, bool) {
	const tail = "/providers/Microsoft.Authorization/roleDefinitions/"
	if !strings.Contains(ref, "/") {
		return ref, true
	}
	for _, prefix := range []string{Scope(subscriptionID) + tail, tail} {
		if id, ok := strings.CutPrefix(ref, prefix); ok && !strings.Contains(id, "/") {
			return id, true
		}
	}
	return "", false
}
