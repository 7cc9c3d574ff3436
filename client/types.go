package client

import "time"

// ErrorBody is the Graph error envelope.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the inside of a Graph error.
type ErrorDetail struct {
	Code       string      `json:"code"`
	Message    string      `json:"message"`
	Details    []ErrorItem `json:"details,omitempty"`
	InnerError *InnerError `json:"innerError,omitempty"`
}

// ErrorItem is one entry of ErrorDetail.Details; Target names the property.
type ErrorItem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target,omitempty"`
}

// InnerError carries the request ids of a failed call.
type InnerError struct {
	Date            string `json:"date"`
	RequestID       string `json:"request-id"`
	ClientRequestID string `json:"client-request-id,omitempty"`
}

// User is a Graph user as returned by the API. Properties the server did
// not send (not selected) stay nil.
type User struct {
	ID                    string     `json:"id,omitempty"`
	AccountEnabled        *bool      `json:"accountEnabled,omitempty"`
	DisplayName           *string    `json:"displayName,omitempty"`
	GivenName             *string    `json:"givenName,omitempty"`
	Surname               *string    `json:"surname,omitempty"`
	UserPrincipalName     *string    `json:"userPrincipalName,omitempty"`
	Mail                  *string    `json:"mail,omitempty"`
	MailNickname          *string    `json:"mailNickname,omitempty"`
	JobTitle              *string    `json:"jobTitle,omitempty"`
	Department            *string    `json:"department,omitempty"`
	OfficeLocation        *string    `json:"officeLocation,omitempty"`
	CompanyName           *string    `json:"companyName,omitempty"`
	EmployeeID            *string    `json:"employeeId,omitempty"`
	BusinessPhones        []string   `json:"businessPhones,omitempty"`
	MobilePhone           *string    `json:"mobilePhone,omitempty"`
	FaxNumber             *string    `json:"faxNumber,omitempty"`
	StreetAddress         *string    `json:"streetAddress,omitempty"`
	City                  *string    `json:"city,omitempty"`
	State                 *string    `json:"state,omitempty"`
	PostalCode            *string    `json:"postalCode,omitempty"`
	Country               *string    `json:"country,omitempty"`
	UsageLocation         *string    `json:"usageLocation,omitempty"`
	PreferredLanguage     *string    `json:"preferredLanguage,omitempty"`
	OtherMails            []string   `json:"otherMails,omitempty"`
	ProxyAddresses        []string   `json:"proxyAddresses,omitempty"`
	UserType              *string    `json:"userType,omitempty"`
	OnPremisesSyncEnabled *bool      `json:"onPremisesSyncEnabled,omitempty"`
	CreatedDateTime       *time.Time `json:"createdDateTime,omitempty"`
	DeletedDateTime       *time.Time `json:"deletedDateTime,omitempty"`
}

// PasswordProfile sets a user's password on create or PATCH.
type PasswordProfile struct {
	Password                      string `json:"password"`
	ForceChangePasswordNextSignIn bool   `json:"forceChangePasswordNextSignIn"`
}

// Group is a Graph group.
type Group struct {
	ID                    string     `json:"id,omitempty"`
	DisplayName           *string    `json:"displayName,omitempty"`
	Description           *string    `json:"description,omitempty"`
	MailNickname          *string    `json:"mailNickname,omitempty"`
	Mail                  *string    `json:"mail,omitempty"`
	MailEnabled           *bool      `json:"mailEnabled,omitempty"`
	SecurityEnabled       *bool      `json:"securityEnabled,omitempty"`
	GroupTypes            []string   `json:"groupTypes,omitempty"`
	ProxyAddresses        []string   `json:"proxyAddresses,omitempty"`
	Visibility            *string    `json:"visibility,omitempty"`
	OnPremisesSyncEnabled *bool      `json:"onPremisesSyncEnabled,omitempty"`
	CreatedDateTime       *time.Time `json:"createdDateTime,omitempty"`
}

// DirectoryObject is a member, owner or memberOf entry: a user or a group,
// told apart by ODataType.
type DirectoryObject struct {
	ODataType         string  `json:"@odata.type"`
	ID                string  `json:"id"`
	DisplayName       *string `json:"displayName,omitempty"`
	UserPrincipalName *string `json:"userPrincipalName,omitempty"`
	Mail              *string `json:"mail,omitempty"`
}

// Domain is a Graph domain.
type Domain struct {
	ID                               string   `json:"id"`
	AuthenticationType               string   `json:"authenticationType"`
	AvailabilityStatus               *string  `json:"availabilityStatus"`
	IsAdminManaged                   bool     `json:"isAdminManaged"`
	IsDefault                        bool     `json:"isDefault"`
	IsInitial                        bool     `json:"isInitial"`
	IsRoot                           bool     `json:"isRoot"`
	IsVerified                       bool     `json:"isVerified"`
	PasswordNotificationWindowInDays int      `json:"passwordNotificationWindowInDays"`
	PasswordValidityPeriodInDays     int      `json:"passwordValidityPeriodInDays"`
	SupportedServices                []string `json:"supportedServices"`
	State                            *string  `json:"state"`
}

// DomainDNSRecord is a DNS record to create for domain verification.
type DomainDNSRecord struct {
	ODataType        string `json:"@odata.type"`
	IsOptional       bool   `json:"isOptional"`
	Label            string `json:"label"`
	RecordType       string `json:"recordType"`
	SupportedService string `json:"supportedService"`
	TTL              int    `json:"ttl"`
	Text             string `json:"text"`
}

// VerifiedDomain is a domain as listed in the organization.
type VerifiedDomain struct {
	Name         string `json:"name"`
	Type         string `json:"type"`
	IsDefault    bool   `json:"isDefault"`
	IsInitial    bool   `json:"isInitial"`
	Capabilities string `json:"capabilities"`
}

// Organization is the tenant's profile.
type Organization struct {
	ODataContext                        string           `json:"@odata.context,omitempty"`
	ID                                  string           `json:"id"`
	DisplayName                         string           `json:"displayName"`
	TenantType                          string           `json:"tenantType"`
	CreatedDateTime                     time.Time        `json:"createdDateTime"`
	CountryLetterCode                   *string          `json:"countryLetterCode"`
	DefaultUsageLocation                *string          `json:"defaultUsageLocation"`
	PreferredLanguage                   *string          `json:"preferredLanguage"`
	Street                              *string          `json:"street"`
	City                                *string          `json:"city"`
	State                               *string          `json:"state"`
	PostalCode                          *string          `json:"postalCode"`
	Country                             *string          `json:"country"`
	BusinessPhones                      []string         `json:"businessPhones"`
	TechnicalNotificationMails          []string         `json:"technicalNotificationMails"`
	MarketingNotificationEmails         []string         `json:"marketingNotificationEmails"`
	SecurityComplianceNotificationMails []string         `json:"securityComplianceNotificationMails"`
	VerifiedDomains                     []VerifiedDomain `json:"verifiedDomains"`
	AssignedPlans                       []any            `json:"assignedPlans"`
	ProvisionedPlans                    []any            `json:"provisionedPlans"`
	OnPremisesSyncEnabled               *bool            `json:"onPremisesSyncEnabled"`
	OnPremisesLastSyncDateTime          *time.Time       `json:"onPremisesLastSyncDateTime"`
	PartnerTenantType                   *string          `json:"partnerTenantType"`
}

// DirectoryAudit is one audit log entry.
type DirectoryAudit struct {
	ID                  string           `json:"id"`
	Category            string           `json:"category"`
	CorrelationID       string           `json:"correlationId"`
	Result              string           `json:"result"`
	ResultReason        string           `json:"resultReason"`
	ActivityDisplayName string           `json:"activityDisplayName"`
	ActivityDateTime    time.Time        `json:"activityDateTime"`
	LoggedByService     string           `json:"loggedByService"`
	OperationType       string           `json:"operationType"`
	InitiatedBy         AuditInitiator   `json:"initiatedBy"`
	TargetResources     []TargetResource `json:"targetResources"`
	AdditionalDetails   []KeyValue       `json:"additionalDetails"`
}

// AuditInitiator says who caused an audit event: a user or an app.
type AuditInitiator struct {
	App  *AuditApp  `json:"app"`
	User *AuditUser `json:"user"`
}

// AuditApp is an app initiator.
type AuditApp struct {
	AppID       *string `json:"appId"`
	DisplayName string  `json:"displayName"`
}

// AuditUser is a user initiator.
type AuditUser struct {
	ID                string `json:"id"`
	DisplayName       string `json:"displayName"`
	UserPrincipalName string `json:"userPrincipalName"`
	IPAddress         string `json:"ipAddress"`
}

// TargetResource is an object an audit event is about.
type TargetResource struct {
	ID                 string             `json:"id"`
	DisplayName        string             `json:"displayName"`
	Type               string             `json:"type"`
	UserPrincipalName  *string            `json:"userPrincipalName"`
	GroupType          *string            `json:"groupType"`
	ModifiedProperties []ModifiedProperty `json:"modifiedProperties"`
}

// ModifiedProperty is one changed property of an audit target; values are
// JSON-encoded strings as in Graph.
type ModifiedProperty struct {
	DisplayName string `json:"displayName"`
	OldValue    string `json:"oldValue"`
	NewValue    string `json:"newValue"`
}

// KeyValue is a Graph key/value pair.
type KeyValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// SignupRequest creates a tenant through POST /api/signup.
type SignupRequest struct {
	Name          string `json:"name"`
	DomainPrefix  string `json:"domainPrefix"`
	AdminUsername string `json:"adminUsername"`
	AdminPassword string `json:"adminPassword"`
}

// SignupResponse tells how to reach the new tenant.
type SignupResponse struct {
	TenantID      string `json:"tenantId"`
	InitialDomain string `json:"initialDomain"`
	AdminUPN      string `json:"adminUserPrincipalName"`
}

// DirectoryRole is a role the tenant has activated (Graph's directoryRole).
type DirectoryRole struct {
	ID             string `json:"id"`
	DisplayName    string `json:"displayName"`
	Description    string `json:"description"`
	RoleTemplateID string `json:"roleTemplateId"`
}

// RoleDefinition is a built-in role (Graph's unifiedRoleDefinition); its id
// is the role template id.
type RoleDefinition struct {
	ID              string           `json:"id"`
	TemplateID      string           `json:"templateId"`
	DisplayName     string           `json:"displayName"`
	Description     string           `json:"description"`
	IsBuiltIn       bool             `json:"isBuiltIn"`
	IsEnabled       bool             `json:"isEnabled"`
	ResourceScopes  []string         `json:"resourceScopes"`
	Version         string           `json:"version"`
	RolePermissions []RolePermission `json:"rolePermissions"`
}

// RolePermission lists the actions a role definition allows, as
// "atrium/<permission>" strings.
type RolePermission struct {
	AllowedResourceActions []string `json:"allowedResourceActions"`
	Condition              *string  `json:"condition"`
}

// RoleAssignment gives a principal a role (Graph's unifiedRoleAssignment).
type RoleAssignment struct {
	ID               string `json:"id,omitempty"`
	RoleDefinitionID string `json:"roleDefinitionId"`
	PrincipalID      string `json:"principalId"`
	DirectoryScopeID string `json:"directoryScopeId"`
}

// BulkRolesRequest assigns or revokes one role for many users.
type BulkRolesRequest struct {
	UserIDs          []string `json:"userIds"`
	RoleDefinitionID string   `json:"roleDefinitionId"`
	Action           string   `json:"action"` // assign or revoke
}

// BulkRolesResponse has one result per user.
type BulkRolesResponse struct {
	Results []BulkRoleResult `json:"results"`
}

// BulkRoleResult is the outcome for one user: done, skipped or failed.
type BulkRoleResult struct {
	UserID string `json:"userId"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// MyAdmins answers "who is my admin".
type MyAdmins struct {
	Organization      string         `json:"organization"`
	GlobalAdmins      []AdminContact `json:"globalAdmins"`
	TechnicalContacts []string       `json:"technicalContacts"`
	Helpdesk          Helpdesk       `json:"helpdesk"`
}

// Helpdesk is the organization's help desk information, at
// /api/settings/helpdesk. ShowAdminsToUsers (default true) lists the Global
// admins to people without a role in /api/myAdmins.
type Helpdesk struct {
	Phone             string `json:"phone"`
	Email             string `json:"email"`
	URL               string `json:"url"`
	ShowAdminsToUsers bool   `json:"showAdminsToUsers"`
}

// AdminContact is how to reach an admin.
type AdminContact struct {
	DisplayName       string   `json:"displayName"`
	UserPrincipalName string   `json:"userPrincipalName"`
	Mail              *string  `json:"mail"`
	BusinessPhones    []string `json:"businessPhones"`
}

// UserView is a saved filter of the Active users list.
type UserView struct {
	ID         string         `json:"id,omitempty"`
	Name       string         `json:"name"`
	Conditions ViewConditions `json:"conditions"`
	Filter     string         `json:"filter,omitempty"` // the conditions as an OData $filter, for reading
}

// ViewConditions are a user view's conditions; all must match.
type ViewConditions struct {
	Domain         string `json:"domain,omitempty"`
	SignInAllowed  *bool  `json:"signInAllowed,omitempty"`
	UsageLocation  string `json:"usageLocation,omitempty"`
	Department     string `json:"department,omitempty"`
	City           string `json:"city,omitempty"`
	State          string `json:"state,omitempty"`
	Country        string `json:"country,omitempty"`
	JobTitle       string `json:"jobTitle,omitempty"`
	SyncedOnly     bool   `json:"syncedOnly,omitempty"`
	RoleTemplateID string `json:"roleTemplateId,omitempty"`
}

// Warning is one warning about the organization's admins.
type Warning struct {
	Code              string `json:"code"`
	UserPrincipalName string `json:"userPrincipalName,omitempty"`
	Count             int    `json:"count,omitempty"`
	Message           string `json:"message"`
}

// Warnings lists things an admin should act on.
type Warnings struct {
	Warnings []string `json:"warnings"` // the messages, in the caller's language (Accept-Language)
	// Items are the same warnings with their codes: fewGlobalAdmins,
	// manyGlobalAdmins (with count), noAlternateEmail and noMobilePhone
	// (with the admin's user principal name).
	Items []Warning `json:"items"`
}

// WorkloadRoles lists the roles a user holds inside the services.
type WorkloadRoles struct {
	Roles []string `json:"roles"`
}
