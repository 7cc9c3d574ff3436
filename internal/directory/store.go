package directory

import (
	"context"
	"time"
)

// Store is the persistence contract. Every backend implements it and passes
// the conformance suite in storetest. All data except the tenant lookup is
// reached through a transaction bound to one tenant, so no call can touch
// another tenant's rows.
type Store interface {
	// Update runs fn in a read-write transaction bound to tenantID and
	// commits when fn returns nil. It returns NotFound if the tenant does
	// not exist.
	Update(ctx context.Context, tenantID string, fn func(Tx) error) error
	// View runs fn in a read-only transaction bound to tenantID.
	View(ctx context.Context, tenantID string, fn func(Tx) error) error
	// UpdateDeployment runs fn in a read-write transaction over the
	// deployment-wide data the operator publishes for every tenant
	// (service health, message center). It reaches no tenant's rows.
	UpdateDeployment(ctx context.Context, fn func(DeploymentTx) error) error
	// ViewDeployment runs fn in a read-only transaction over the
	// deployment-wide data.
	ViewDeployment(ctx context.Context, fn func(DeploymentTx) error) error
	// UpdatePair runs fn in one read-write transaction with a Tx bound to
	// each of two tenants (a partner and its customer), so that a change
	// both sides see commits whole. NotFound if either tenant is missing.
	UpdatePair(ctx context.Context, tenantA, tenantB string, fn func(a, b Tx) error) error
	// ViewPair is UpdatePair's read-only form.
	ViewPair(ctx context.Context, tenantA, tenantB string, fn func(a, b Tx) error) error
	// CreateTenant inserts t and runs fn in the same transaction, bound to
	// the new tenant.
	CreateTenant(ctx context.Context, t Tenant, fn func(Tx) error) error
	// ResolveTenant finds a tenant by id or by one of its verified domains.
	ResolveTenant(ctx context.Context, idOrDomain string) (string, error)
	// ExpiredDeletedUsers lists up to limit users deleted before cutoff, in
	// any tenant, for the purge job.
	ExpiredDeletedUsers(ctx context.Context, cutoff time.Time, limit int) ([]TenantObject, error)
	// PurgeSignIns deletes sign-in log entries older than cutoff, in every
	// tenant, and says how many.
	PurgeSignIns(ctx context.Context, cutoff time.Time) (int, error)
	// PurgeAudit deletes audit events older than cutoff, in every tenant,
	// and says how many.
	PurgeAudit(ctx context.Context, cutoff time.Time) (int, error)
	// PurgeOIDC deletes expired authorization requests and refresh tokens
	// of every tenant and says how many.
	PurgeOIDC(ctx context.Context, now time.Time) (int, error)
	// DueSubscriptions lists up to limit subscriptions, of any tenant,
	// that are Enabled, Warning or Suspended and whose EndsAt is not after
	// now (the lifecycle job's work), earliest first.
	DueSubscriptions(ctx context.Context, now time.Time, limit int) ([]TenantObject, error)
	// DueGDAPRelationships lists up to limit GDAP relationships, of any
	// partner tenant (TenantID), whose DueAt is set and not after now, for
	// the GDAP job, earliest first.
	DueGDAPRelationships(ctx context.Context, now time.Time, limit int) ([]TenantObject, error)
	// TenantsDueForKeyRotation lists up to limit tenants whose newest
	// signing key was created before cutoff.
	TenantsDueForKeyRotation(ctx context.Context, cutoff time.Time, limit int) ([]string, error)
	// DueMessages lists up to limit unsent messages of a channel, of any
	// tenant, whose next attempt is due.
	DueMessages(ctx context.Context, channel string, now time.Time, limit int) ([]OutboxMessage, error)
	// ClaimMessage moves a due message's next attempt to until, so that no
	// other replica sends it meanwhile; false if another claimed it first.
	ClaimMessage(ctx context.Context, m OutboxMessage, until time.Time) (bool, error)
	// FinishMessage records an attempt: sent, or failed and due again;
	// it also stores the body, which the service clears once sent.
	FinishMessage(ctx context.Context, m OutboxMessage) error
	// DueProvisioning lists up to limit provisioning tasks of any tenant
	// whose attempt is due at now, oldest first, with the user's names.
	DueProvisioning(ctx context.Context, now time.Time, limit int) ([]ProvisioningTask, error)
	// ClaimProvisioning moves a due task's next attempt to until, so that
	// no other replica runs it meanwhile; false if it was claimed or
	// changed first.
	ClaimProvisioning(ctx context.Context, t ProvisioningTask, until time.Time) (bool, error)
	// FinishProvisioning stores the outcome of the task claimed until
	// lease; false (and nothing written) when a license change queued the
	// task anew meanwhile.
	FinishProvisioning(ctx context.Context, t ProvisioningTask, lease time.Time) (bool, error)
	// DueImports lists up to limit imports of any tenant with work to do
	// (validating or running) whose lease has ended at now.
	DueImports(ctx context.Context, now time.Time, limit int) ([]TenantObject, error)
	// PurgeImports deletes the imports of every tenant created before
	// cutoff, with their rows, and says how many.
	PurgeImports(ctx context.Context, cutoff time.Time) (int, error)
	// ListOutbox lists the newest messages of every tenant, for the operator.
	ListOutbox(ctx context.Context, limit int) ([]OutboxMessage, error)
	// SupportQueue lists the most recently updated service requests of
	// every tenant (with TenantID set), of one status unless status is
	// empty, for the operator's support desk.
	SupportQueue(ctx context.Context, status string, limit int) ([]SupportRequest, error)
	Close() error
}

// TenantObject names one object of one tenant.
type TenantObject struct {
	TenantID string
	ID       string
}

// Tx is a transaction bound to one tenant. Write methods fail in a View.
type Tx interface {
	Tenant() (Tenant, error)
	UpdateTenant(t Tenant) error

	CreateUser(u *User) error
	GetUser(id string) (User, error) // active users only
	GetUserByUPN(upn string) (User, error)
	GetDeletedUser(id string) (User, error)
	UpdateUser(u *User) error
	// DeleteUser moves the user to deleted items and frees its addresses.
	DeleteUser(id string, at time.Time) error
	// RestoreUser brings a deleted user back, claiming its addresses again.
	RestoreUser(id string) error
	// PurgeUser removes a deleted user and its memberships for good.
	PurgeUser(id string) error
	ListUsers(q ListQuery) (Page[User], error)
	CountUsers(q ListQuery) (int, error)

	CreateGroup(g *Group) error
	GetGroup(id string) (Group, error)
	UpdateGroup(g *Group) error
	DeleteGroup(id string) error
	ListGroups(q ListQuery) (Page[Group], error)
	CountGroups(q ListQuery) (int, error)
	AddMember(groupID string, member ObjectType, memberID string) error
	RemoveMember(groupID, memberID string) error
	AddOwner(groupID, userID string) error
	RemoveOwner(groupID, userID string) error
	ListMembers(groupID string, q ListQuery) (Page[DirectoryObject], error)
	ListOwners(groupID string, q ListQuery) (Page[DirectoryObject], error)
	ListMemberOf(objectID string, q ListQuery) (Page[DirectoryObject], error)
	// IsTransitiveMember reports whether objectID is groupID or a member of
	// it at any depth.
	IsTransitiveMember(groupID, objectID string) (bool, error)
	// LockMembership serializes membership changes of the tenant, so that
	// two concurrent nestings can't form a cycle.
	LockMembership() error

	CreateDomain(d *Domain) error
	GetDomain(name string) (Domain, error)
	ListDomains() ([]Domain, error)
	UpdateDomain(d *Domain) error
	DeleteDomain(name string) error
	// VerifiedElsewhere reports whether another tenant verified name.
	VerifiedElsewhere(name string) (bool, error)
	DomainUsage(name string) (DomainUsage, error)

	AddRoleAssignment(ra *RoleAssignment) error
	GetRoleAssignment(id string) (RoleAssignment, error)
	RemoveRoleAssignment(id string) error
	// ListRoleAssignments lists assignments, of one principal and/or one
	// role when the filter names them.
	ListRoleAssignments(f RoleFilter) ([]RoleAssignment, error)
	// ActivateRole records that the tenant uses a role (Graph's
	// directoryRole); activating twice keeps the first id.
	ActivateRole(r *ActivatedRole) error
	ListActivatedRoles() ([]ActivatedRole, error)

	CreateUserView(v *UserView) error
	GetUserView(id string) (UserView, error)
	UpdateUserView(v *UserView) error
	DeleteUserView(id string) error
	ListUserViews() ([]UserView, error)

	AddSigningKey(k *SigningKey) error
	SigningKeys() ([]SigningKey, error)
	RetireSigningKey(kid string, at time.Time) error
	DeleteSigningKey(kid string) error

	AppendAudit(e *AuditEvent) error
	ListAudit(q ListQuery) (Page[AuditEvent], error)
	PartnerTx

	// SignInState returns a user's lockout state (zero state if none).
	SignInState(userID string) (SignInState, error)
	PutSignInState(st *SignInState) error
	// AddressFailures counts the failed sign-ins from address since
	// windowStart (a window that began earlier is started anew).
	AddressFailures(address string, windowStart time.Time) (int, error)
	AddAddressFailure(address string, windowStart, now time.Time) error
	AppendSignIn(e *SignInEvent) error
	ListSignIns(q ListQuery) (Page[SignInEvent], error)

	CreateSession(s *Session) error
	GetSession(id string) (Session, error)
	TouchSession(id string, at time.Time) error
	DeleteSession(id string) error
	DeleteUserSessions(userID string) error
	// SetSessionStage moves a session to stage and sets its count of failed
	// second-factor codes.
	SetSessionStage(id, stage string, mfaFailures int) error

	GetTOTP(userID string) (TOTP, error)
	PutTOTP(t *TOTP) error
	DeleteTOTP(userID string) error
	// ReplaceRecoveryCodes stores new recovery code hashes, dropping the old.
	ReplaceRecoveryCodes(userID string, hashes []string) error
	// UseRecoveryCode marks an unused code used; NotFound if there is none.
	UseRecoveryCode(userID, hash string, at time.Time) error
	// MFAFailures returns a user's wrong-code count; zero if none.
	MFAFailures(userID string) (MFAFailures, error)
	PutMFAFailures(f *MFAFailures) error
	UnusedRecoveryCodes(userID string) (int, error)

	CreateApplication(a *Application) error
	GetApplication(id string) (Application, error)
	UpdateApplication(a *Application) error
	DeleteApplication(id string) error
	ListApplications() ([]Application, error)
	AddAppSecret(applicationID string, s *AppSecret) error
	RemoveAppSecret(applicationID, keyID string) error

	CreateAuthRequest(a *AuthRequest) error
	GetAuthRequest(id string) (AuthRequest, error)
	// GetAuthRequestByCode finds the request whose code has this hash.
	GetAuthRequestByCode(codeHash string) (AuthRequest, error)
	UpdateAuthRequest(a *AuthRequest) error
	DeleteAuthRequest(id string) error
	CreateRefreshToken(r *RefreshToken) error
	GetRefreshToken(id string) (RefreshToken, error)
	// MarkRefreshTokenUsed marks an unused token used; a token used
	// already is not found, so that only one of two racing uses wins.
	MarkRefreshTokenUsed(id string, at time.Time) error
	DeleteRefreshFamily(familyID string) error
	DeleteUserRefreshTokens(userID string) error
	// CreateDeviceAuthorization fails with a conflict on "userCode" when
	// the user code is taken.
	CreateDeviceAuthorization(d *DeviceAuthorization) error
	GetDeviceAuthorization(id string) (DeviceAuthorization, error)
	GetDeviceAuthorizationByUserCode(userCode string) (DeviceAuthorization, error)
	UpdateDeviceAuthorization(d *DeviceAuthorization) error

	// GetBranding returns the tenant's branding; the zero value if unset.
	GetBranding() (Branding, error)
	PutBranding(b *Branding) error
	// PutPhotos stores the sizes of a user's photo, replacing any before.
	PutPhotos(userID string, photos []Photo) error
	// GetPhoto returns one size of a user's photo; not found when none.
	GetPhoto(userID string, size int) (Photo, error)
	// DeletePhotos removes a user's photo and reports whether there was one.
	DeletePhotos(userID string) (bool, error)

	// NextNumber returns the next value, from 1, of the tenant's counter
	// called name; concurrent transactions never get the same value.
	NextNumber(name string) (int, error)

	CreateSupportRequest(r *SupportRequest) error
	// GetSupportRequest returns a request with its messages.
	GetSupportRequest(id string) (SupportRequest, error)
	// UpdateSupportRequest stores a request's status and update time.
	UpdateSupportRequest(r *SupportRequest) error
	// AddSupportMessage appends m to the thread of request id, numbering
	// it (m.N) and touching the request's update time.
	AddSupportMessage(id string, m *SupportMessage) error
	// ListSupportRequests lists requests without their messages; filters
	// and order name status, severity, service and createdDateTime.
	ListSupportRequests(q ListQuery) (Page[SupportRequest], error)

	ListSubscriptions() ([]Subscription, error)
	GetSubscription(id string) (Subscription, error)
	// PutSubscription inserts or replaces a subscription.
	PutSubscription(s *Subscription) error
	// DeleteSubscription removes a subscription (its Deleted step).
	DeleteSubscription(id string) error
	// GetSeats returns the seat counter of a SKU (all zero when none).
	GetSeats(skuID string) (Seats, error)
	ListSeats() ([]Seats, error)
	// PutSeats inserts or replaces a SKU's seat counter.
	PutSeats(s *Seats) error
	// ListLicenses lists a user's licenses in SKU order.
	ListLicenses(userID string) ([]License, error)
	// PutLicense inserts or replaces one license of a user.
	PutLicense(userID string, l *License) error
	DeleteLicense(userID, skuID string) error
	// ListProvisioning lists the provisioning state of every plan a user
	// has or had, in plan id order.
	ListProvisioning(userID string) ([]PlanProvisioning, error)
	// PutProvisioning inserts or replaces the state of one plan of a user.
	PutProvisioning(p *PlanProvisioning) error
	// ListInstalls lists a user's app activations, oldest first.
	ListInstalls(userID string) ([]Install, error)
	CreateInstall(in *Install) error
	// DeleteInstall removes one activation of the user; not found when the
	// user has no such activation.
	DeleteInstall(userID, id string) error
	// CountNewerLicenses counts the licenses of a SKU held by active users
	// and assigned after at (or at the same time to a greater user id):
	// the holder's rank from the newest.
	CountNewerLicenses(skuID string, at time.Time, userID string) (int, error)
	// LicensesByDepartment counts the licenses of active users per SKU
	// and department, for the license report.
	LicensesByDepartment() ([]DepartmentLicenses, error)
	// CreateOrder fails with a conflict on "Idempotency-Key" when the
	// tenant used the key already.
	CreateOrder(o *PurchaseOrder) error
	GetOrderByKey(key string) (PurchaseOrder, error)
	ListOrders() ([]PurchaseOrder, error)
	CreateInvoice(inv *Invoice) error
	GetInvoice(id string) (Invoice, error)
	ListInvoices() ([]Invoice, error)

	// CreateDevice fails with a conflict on "deviceId" when another device
	// of the tenant has the same deviceId.
	CreateDevice(d *Device) error
	GetDevice(id string) (Device, error)
	UpdateDevice(d *Device) error
	// DeleteDevice removes a device and its owner links.
	DeleteDevice(id string) error
	// ListDevices lists devices; filters name displayName, operatingSystem,
	// deviceId, accountEnabled, trustType, id and DeviceOwnersProp.
	ListDevices(q ListQuery) (Page[Device], error)
	CountDevices(q ListQuery) (int, error)
	// AddDeviceOwner links a user to a device as its registered owner: not
	// found when the device isn't the tenant's, a conflict when linked.
	AddDeviceOwner(deviceID, userID string) error
	RemoveDeviceOwner(deviceID, userID string) error
	// ListDeviceOwners lists a device's owners that are active users.
	ListDeviceOwners(deviceID string) ([]User, error)

	// MessageViews returns a user's state of message center posts, by
	// message id (posts the user never touched are absent).
	MessageViews(userID string) (map[string]MessageView, error)
	PutMessageView(userID string, v *MessageView) error

	CreateImport(i *Import) error
	GetImport(id string) (Import, error)
	UpdateImport(i *Import) error
	// ListImports lists the imports created at or after since, newest first.
	ListImports(since time.Time) ([]Import, error)
	// PutImportRows inserts rows of an import, or replaces the status,
	// problems, user and secret of rows it has.
	PutImportRows(importID string, rows []ImportRow) error
	// ListImportRows lists up to limit rows after line, of one status
	// unless status is empty, in line order.
	ListImportRows(importID string, after int, status string, limit int) ([]ImportRow, error)
	// DuplicateImportRows maps each line whose user name an earlier line
	// of the import has to that earlier line.
	DuplicateImportRows(importID string) (map[int]int, error)
	// MarkImportRows adds a problem to rows by line, making them invalid,
	// and says how many were valid before.
	MarkImportRows(importID string, problems map[int]ImportProblem) (int, error)
	// TakenImportRows lists the lines whose user name an object of the
	// tenant has as an address already.
	TakenImportRows(importID string) ([]int, error)

	// CreateUsers inserts new users at once, like CreateUser each.
	CreateUsers(us []*User) error
	// AppendAudits appends audit events at once.
	AppendAudits(es []*AuditEvent) error
	// CreatePasswordLinks stores the first links of new users at once.
	CreatePasswordLinks(ls []*PasswordLink) error
	// CreatePasswordLink stores a one-time set-password link.
	CreatePasswordLink(l *PasswordLink) error
	// GetPasswordLink finds a link by the hash of its secret.
	GetPasswordLink(tokenHash string) (PasswordLink, error)
	UpdatePasswordLink(l *PasswordLink) error
	// DeletePasswordLinks removes every link of a user.
	DeletePasswordLinks(userID string) error

	EnqueueMessage(m *OutboxMessage) error
	CreateChallenge(c *ResetChallenge) error
	GetChallenge(id string) (ResetChallenge, error)
	UpdateChallenge(c *ResetChallenge) error
}

// DeploymentTx is a transaction over deployment-wide data: what the
// operator publishes for every tenant. Tenant data stays behind Tx.
type DeploymentTx interface {
	// NextNumber returns the next value, from 1, of the deployment's
	// counter called name; concurrent transactions never get the same.
	NextNumber(name string) (int, error)

	CreateHealthIssue(is *HealthIssue) error
	GetHealthIssue(id string) (HealthIssue, error)
	UpdateHealthIssue(is *HealthIssue) error
	// ListHealthIssues lists the unresolved issues and those updated at or
	// after since, most recently updated first.
	ListHealthIssues(since time.Time) ([]HealthIssue, error)

	CreateServiceMessage(m *ServiceMessage) error
	GetServiceMessage(id string) (ServiceMessage, error)
	// ListServiceMessages lists up to limit messages that have not ended
	// at now, newest first.
	ListServiceMessages(now time.Time, limit int) ([]ServiceMessage, error)
}

// ListQuery selects and orders a page of a collection. Filter and Search
// have been validated by the caller against the properties the collection
// supports.
type ListQuery struct {
	Filter  Expr
	Search  Expr
	OrderBy []Order // at most one key; ties are broken by id
	Top     int
	After   string // opaque keyset cursor from a previous Page.Next
	Deleted bool   // list deleted items instead of active ones
}

// Page is one page of a list.
type Page[T any] struct {
	Items []T
	Next  string // opaque cursor for the next page; empty on the last page
}
