package directory

import (
	"github.com/atriumhq/atrium/internal/directory/autopilot"
	"github.com/atriumhq/atrium/internal/directory/azure"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// PartnerTx is the part of Tx about partners (issue 8): reseller
// relationships and invitations, the partner's activity log, GDAP, and the
// resource subscriptions and Autopilot devices partners manage for
// customers. Every method stays bound to the transaction's tenant, as
// partner or as customer.
type PartnerTx interface {
	// PartnerActivity lists, newest first, the audit events the tenant's
	// users caused in customer tenants as its partner, up to limit and
	// before the cursor (zero: from the newest).
	PartnerActivity(before PartnerCursor, limit int) ([]PartnerEvent, error)

	// PartnerRelationships lists the tenant's partners (it is the customer).
	PartnerRelationships() ([]partner.Relationship, error)
	// GetPartnerRelationship returns the relationship with one partner.
	GetPartnerRelationship(partnerTenantID string) (partner.Relationship, error)
	// PutPartnerRelationship inserts or replaces the relationship of the
	// tenant, as customer, with r.PartnerTenantID.
	PutPartnerRelationship(r *partner.Relationship) error
	// DeletePartnerRelationship ends the relationship with one partner.
	DeletePartnerRelationship(partnerTenantID string) error
	// PartnerCustomers lists up to limit of the tenant's customers (it is
	// the partner) by customer name and id, after the one named after.
	PartnerCustomers(after partner.CustomerKey, limit int) ([]partner.Relationship, error)
	// GetPartnerCustomer returns the relationship with one customer.
	GetPartnerCustomer(customerTenantID string) (partner.Relationship, error)
	// CreatePartnerInvitation stores a reseller invitation of the tenant.
	CreatePartnerInvitation(inv *partner.Invitation) error
	// GetPartnerInvitation finds an invitation of the tenant by its hash.
	GetPartnerInvitation(tokenHash string) (partner.Invitation, error)
	// AcceptPartnerInvitation marks an unaccepted invitation accepted;
	// NotFound if it was accepted meanwhile.
	AcceptPartnerInvitation(inv *partner.Invitation) error

	// CreateResourceSubscription stores a new resource subscription.
	CreateResourceSubscription(sub *azure.Subscription) error
	GetResourceSubscription(id string) (azure.Subscription, error)
	// ListResourceSubscriptions lists the tenant's resource subscriptions
	// by name.
	ListResourceSubscriptions() ([]azure.Subscription, error)
	// CreateResourceRoleAssignment stores a role assignment; Conflict when
	// the principal already holds the role on the subscription.
	CreateResourceRoleAssignment(a *azure.RoleAssignment) error
	// ListResourceRoleAssignments lists the role assignments of one
	// subscription, oldest first.
	ListResourceRoleAssignments(subscriptionID string) ([]azure.RoleAssignment, error)
	DeleteResourceRoleAssignment(subscriptionID, id string) error

	// CreateAutopilotDevice registers a device for Autopilot; Conflict when
	// its serial number (with manufacturer and model) or product key is
	// already registered.
	CreateAutopilotDevice(d *autopilot.Device) error
	GetAutopilotDevice(id string) (autopilot.Device, error)
	// ListAutopilotDevices lists the tenant's Autopilot devices, newest
	// upload first.
	ListAutopilotDevices() ([]autopilot.Device, error)
	// SetAutopilotProfile records the profile applied to a device ("" for
	// none) and its assignment status.
	SetAutopilotProfile(id, profileID, status string) error
	DeleteAutopilotDevice(id string) error
	CreateAutopilotProfile(p *autopilot.Profile) error
	GetAutopilotProfile(id string) (autopilot.Profile, error)
	// ListAutopilotProfiles lists the deployment profiles by name.
	ListAutopilotProfiles() ([]autopilot.Profile, error)
	UpdateAutopilotProfile(p *autopilot.Profile) error
	DeleteAutopilotProfile(id string) error

	// CreateGDAPRelationship stores a GDAP relationship of the tenant, as
	// partner; Conflict on displayName if the tenant has one by that name.
	CreateGDAPRelationship(r *partner.GDAPRelationship) error
	// GetGDAPRelationship returns one of the tenant's relationships, as
	// partner.
	GetGDAPRelationship(id string) (partner.GDAPRelationship, error)
	// ListGDAPRelationships lists the tenant's relationships, as partner,
	// with one customer unless customerTenantID is empty, oldest first.
	ListGDAPRelationships(customerTenantID string) ([]partner.GDAPRelationship, error)
	// UpdateGDAPRelationship replaces one of the tenant's relationships, as
	// partner (every field but the ids and CreatedAt).
	UpdateGDAPRelationship(r *partner.GDAPRelationship) error
	// DeleteGDAPRelationship removes one of the tenant's relationships, as
	// partner, with its access assignments.
	DeleteGDAPRelationship(id string) error
	// CustomerGDAPRelationships lists the relationships partners made with
	// the tenant as customer, oldest first.
	CustomerGDAPRelationships() ([]partner.GDAPRelationship, error)
	// GetCustomerGDAPRelationship returns one relationship with the tenant
	// as customer.
	GetCustomerGDAPRelationship(id string) (partner.GDAPRelationship, error)
	// CreateGDAPAssignment stores an access assignment of one of the
	// tenant's relationships; Conflict on accessContainer if the group has
	// one in that relationship.
	CreateGDAPAssignment(a *partner.GDAPAssignment) error
	// GetGDAPAssignment returns one access assignment of a relationship.
	GetGDAPAssignment(relationshipID, id string) (partner.GDAPAssignment, error)
	// ListGDAPAssignments lists a relationship's access assignments, oldest
	// first.
	ListGDAPAssignments(relationshipID string) ([]partner.GDAPAssignment, error)
	// UpdateGDAPAssignment replaces an access assignment's roles, status,
	// ModifiedAt and Version.
	UpdateGDAPAssignment(a *partner.GDAPAssignment) error
	// DeleteGDAPAssignment removes one access assignment.
	DeleteGDAPAssignment(relationshipID, id string) error
	// DeleteGDAPAssignments removes every access assignment of a
	// relationship (it expired or was terminated).
	DeleteGDAPAssignments(relationshipID string) error
	// GDAPGroupAssigned reports whether a group of the tenant has an
	// access assignment in any of its relationships.
	GDAPGroupAssigned(groupID string) (bool, error)
}
