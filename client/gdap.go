package client

import "time"

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
