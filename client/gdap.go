package client

import (
	"context"
	"net/http"
	"time"
)

// DelegatedAdminRelationship is Graph's delegatedAdminRelationship: a GDAP
// relationship as its partner sees it
// (/v1.0/tenantRelationships/delegatedAdminRelationships). On create and
// update only displayName, duration, customer, accessDetails and
// autoExtendDuration are sent.
type DelegatedAdminRelationship struct {
	ETag                 string                     `json:"@odata.etag,omitempty"`
	ID                   string                     `json:"id,omitempty"`
	DisplayName          string                     `json:"displayName"`
	Duration             string                     `json:"duration"` // ISO 8601, P1D … P2Y
	Customer             *DelegatedAdminParticipant `json:"customer"`
	AccessDetails        DelegatedAdminAccess       `json:"accessDetails"`
	AutoExtendDuration   string                     `json:"autoExtendDuration"` // PT0S, P0D or P180D
	Status               string                     `json:"status,omitempty"`
	CreatedDateTime      *time.Time                 `json:"createdDateTime,omitempty"`
	LastModifiedDateTime *time.Time                 `json:"lastModifiedDateTime,omitempty"`
	ActivatedDateTime    *time.Time                 `json:"activatedDateTime"`
	EndDateTime          *time.Time                 `json:"endDateTime"`
}

// DelegatedAdminParticipant names the customer of a relationship.
type DelegatedAdminParticipant struct {
	TenantID    string `json:"tenantId"`
	DisplayName string `json:"displayName,omitempty"`
}

// DelegatedAdminAccess lists built-in roles by template id.
type DelegatedAdminAccess struct {
	UnifiedRoles []UnifiedRole `json:"unifiedRoles"`
}

// UnifiedRole names one role by its template id.
type UnifiedRole struct {
	RoleDefinitionID string `json:"roleDefinitionId"`
}

// DelegatedAdminRelationshipChange is the body of a relationship's POST
// or PATCH; nil fields are left out.
type DelegatedAdminRelationshipChange struct {
	DisplayName        *string                    `json:"displayName,omitempty"`
	Duration           *string                    `json:"duration,omitempty"`
	Customer           *DelegatedAdminParticipant `json:"customer,omitempty"`
	AccessDetails      *DelegatedAdminAccess      `json:"accessDetails,omitempty"`
	AutoExtendDuration *string                    `json:"autoExtendDuration,omitempty"`
}

// DelegatedAdminRelationshipRequest is an action on a relationship:
// lockForApproval or terminate.
type DelegatedAdminRelationshipRequest struct {
	ID                   string     `json:"id,omitempty"`
	Action               string     `json:"action"`
	Status               string     `json:"status,omitempty"` // succeeded: Atrium acts at once
	CreatedDateTime      *time.Time `json:"createdDateTime,omitempty"`
	LastModifiedDateTime *time.Time `json:"lastModifiedDateTime,omitempty"`
}

// DelegatedAdminAccessAssignment gives one partner security group some of
// a relationship's roles.
type DelegatedAdminAccessAssignment struct {
	ETag                 string               `json:"@odata.etag,omitempty"`
	ID                   string               `json:"id,omitempty"`
	AccessContainer      DelegatedAdminGroup  `json:"accessContainer"`
	AccessDetails        DelegatedAdminAccess `json:"accessDetails"`
	Status               string               `json:"status,omitempty"`
	CreatedDateTime      *time.Time           `json:"createdDateTime,omitempty"`
	LastModifiedDateTime *time.Time           `json:"lastModifiedDateTime,omitempty"`
}

// DelegatedAdminGroup is an access assignment's container: a security
// group of the partner.
type DelegatedAdminGroup struct {
	AccessContainerID   string `json:"accessContainerId"`
	AccessContainerType string `json:"accessContainerType"` // securityGroup
}

// DelegatedAdminCustomer is a customer with a live GDAP relationship.
type DelegatedAdminCustomer struct {
	ID          string `json:"id"`
	TenantID    string `json:"tenantId"`
	DisplayName string `json:"displayName"`
}

// GDAPApproval is a relationship as a customer's Global admin sees it on
// the approval page (/api/partnerRelationships/gdap/{id}).
type GDAPApproval struct {
	ID                       string     `json:"id"`
	DisplayName              string     `json:"displayName"`
	PartnerTenantID          string     `json:"partnerTenantId"`
	PartnerName              string     `json:"partnerName"`
	PartnerHasDelegatedAdmin bool       `json:"partnerHasDelegatedAdmin"` // approving can remove DAP
	Roles                    []GDAPRole `json:"roles"`
	Duration                 string     `json:"duration"`
	AutoExtendDuration       string     `json:"autoExtendDuration"`
	Status                   string     `json:"status"`
	ApprovalExpiresDateTime  *time.Time `json:"approvalExpiresDateTime,omitempty"` // while approvalPending
	EndDateTime              *time.Time `json:"endDateTime,omitempty"`
}

// GDAPRole is a role of a relationship with its name and description.
type GDAPRole struct {
	RoleDefinitionID string `json:"roleDefinitionId"`
	DisplayName      string `json:"displayName"`
	Description      string `json:"description"`
}

// GDAPApproveRequest is the body of an approval; RemoveDAP defaults to
// true.
type GDAPApproveRequest struct {
	RemoveDAP *bool `json:"removeDap,omitempty"`
}

const gdapPath = "/v1.0/tenantRelationships/delegatedAdminRelationships"

// ListDelegatedAdminRelationships lists the partner's GDAP relationships.
func (c *Client) ListDelegatedAdminRelationships(ctx context.Context) (Page[DelegatedAdminRelationship], error) {
	return list[DelegatedAdminRelationship](ctx, c, gdapPath, ListOptions{})
}

// CreateDelegatedAdminRelationship starts a relationship in status created.
func (c *Client) CreateDelegatedAdminRelationship(ctx context.Context, in DelegatedAdminRelationshipChange) (DelegatedAdminRelationship, error) {
	var out DelegatedAdminRelationship
	err := c.Do(ctx, http.MethodPost, gdapPath, nil, nil, in, &out)
	return out, err
}

// GetDelegatedAdminRelationship returns one relationship.
func (c *Client) GetDelegatedAdminRelationship(ctx context.Context, id string) (DelegatedAdminRelationship, error) {
	var out DelegatedAdminRelationship
	err := c.Do(ctx, http.MethodGet, gdapPath+"/"+esc(id), nil, nil, nil, &out)
	return out, err
}

// RequestDelegatedAdminRelationship asks for an action on a relationship:
// lockForApproval or terminate.
func (c *Client) RequestDelegatedAdminRelationship(ctx context.Context, id, action string) (DelegatedAdminRelationshipRequest, error) {
	var out DelegatedAdminRelationshipRequest
	err := c.Do(ctx, http.MethodPost, gdapPath+"/"+esc(id)+"/requests", nil, nil, DelegatedAdminRelationshipRequest{Action: action}, &out)
	return out, err
}

// CreateDelegatedAdminAccessAssignment gives a security group some of an
// active relationship's roles.
func (c *Client) CreateDelegatedAdminAccessAssignment(ctx context.Context, relationshipID, groupID string, roleIDs ...string) (DelegatedAdminAccessAssignment, error) {
	in := DelegatedAdminAccessAssignment{AccessContainer: DelegatedAdminGroup{AccessContainerID: groupID, AccessContainerType: "securityGroup"}}
	for _, id := range roleIDs {
		in.AccessDetails.UnifiedRoles = append(in.AccessDetails.UnifiedRoles, UnifiedRole{RoleDefinitionID: id})
	}
	var out DelegatedAdminAccessAssignment
	err := c.Do(ctx, http.MethodPost, gdapPath+"/"+esc(relationshipID)+"/accessAssignments", nil, nil, in, &out)
	return out, err
}

// ListDelegatedAdminCustomers lists the customers with a live GDAP
// relationship.
func (c *Client) ListDelegatedAdminCustomers(ctx context.Context) (Page[DelegatedAdminCustomer], error) {
	return list[DelegatedAdminCustomer](ctx, c, "/v1.0/tenantRelationships/delegatedAdminCustomers", ListOptions{})
}

// GetGDAPApproval returns what a customer's Global admin sees of a
// relationship on the approval page.
func (c *Client) GetGDAPApproval(ctx context.Context, id string) (GDAPApproval, error) {
	var out GDAPApproval
	err := c.Do(ctx, http.MethodGet, "/api/partnerRelationships/gdap/"+esc(id), nil, nil, nil, &out)
	return out, err
}

// ApproveGDAP approves a relationship as the customer's Global admin;
// removeDAP also ends the partner's delegated admin (DAP).
func (c *Client) ApproveGDAP(ctx context.Context, id string, removeDAP bool) (GDAPApproval, error) {
	var out GDAPApproval
	err := c.Do(ctx, http.MethodPost, "/api/partnerRelationships/gdap/"+esc(id)+"/approve", nil, nil, GDAPApproveRequest{RemoveDAP: &removeDAP}, &out)
	return out, err
}
