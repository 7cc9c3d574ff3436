package client

import "time"

// ResourceSubscription is an Azure-style resource subscription
// (GET /api/azure/subscriptions, partners.md §7), in ARM's shape.
type ResourceSubscription struct {
	ID             string `json:"id"` // "/subscriptions/{subscriptionId}"
	SubscriptionID string `json:"subscriptionId"`
	TenantID       string `json:"tenantId"`
	DisplayName    string `json:"displayName"`
	State          string `json:"state"` // Enabled, Disabled or Deleted
	// ProvisionedByPartnerTenantID is the partner that created it for the
	// customer, or nil.
	ProvisionedByPartnerTenantID *string   `json:"provisionedByPartnerTenantId"`
	CreatedDateTime              time.Time `json:"createdDateTime"`
}

// NewResourceSubscription is the body that creates a resource subscription.
type NewResourceSubscription struct {
	DisplayName string `json:"displayName"`
}

// ResourceRoleAssignment is a role assignment on a resource subscription
// in ARM's shape: id
// "/subscriptions/{subId}/providers/Microsoft.Authorization/roleAssignments/{name}".
type ResourceRoleAssignment struct {
	ID         string                           `json:"id"`
	Name       string                           `json:"name"`
	Type       string                           `json:"type"` // Microsoft.Authorization/roleAssignments
	Properties ResourceRoleAssignmentProperties `json:"properties"`
}

// ResourceRoleAssignmentProperties say what a role assignment gives whom.
type ResourceRoleAssignmentProperties struct {
	RoleDefinitionID string    `json:"roleDefinitionId"` // the role definition's ARM path at the scope
	PrincipalID      string    `json:"principalId"`
	PrincipalType    string    `json:"principalType"` // User, Group, ServicePrincipal or ForeignGroup
	Scope            string    `json:"scope"`
	CreatedOn        time.Time `json:"createdOn"`
	CreatedBy        string    `json:"createdBy"`
}

// NewResourceRoleAssignment is the body that creates a role assignment.
type NewResourceRoleAssignment struct {
	Properties NewResourceRoleAssignmentProperties `json:"properties"`
}

// NewResourceRoleAssignmentProperties name the role (its id or ARM path)
// and the principal of a new role assignment.
type NewResourceRoleAssignmentProperties struct {
	RoleDefinitionID string `json:"roleDefinitionId"`
	PrincipalID      string `json:"principalId"`
	PrincipalType    string `json:"principalType"`
}
