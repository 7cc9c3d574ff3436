package directory

import (
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// AuditEvent is one entry of the tenant's directory audit log.
type AuditEvent struct {
	ID            string
	At            time.Time
	Category      string // UserManagement, GroupManagement, DirectoryManagement, ...
	Activity      string // "Add user", ...
	OperationType string // Add, Update, Delete, Assign, Unassign
	Result        string // success, failure
	ResultReason  string
	CorrelationID string
	Initiator     Initiator
	Targets       []AuditTarget
}

// Initiator is who caused an audit event.
type Initiator struct {
	UserID      string
	UPN         string
	DisplayName string
	IPAddress   string
	App         string // "Atrium CLI" for operator commands, empty for users
	// Partner is set when a partner's user acted on the customer's behalf
	// (partners.md §4.3); the partner's activity log lists these events.
	Partner *authz.PartnerActor
}

// AuditTarget is an object an audit event is about.
type AuditTarget struct {
	ID                 string
	DisplayName        string
	Type               string // User, Group, Domain, Organization, Role
	UserPrincipalName  string
	ModifiedProperties []ModifiedProperty
}

// ModifiedProperty records one changed property. It never carries a
// password or other secret.
type ModifiedProperty struct {
	Name string
	Old  string
	New  string
}

// PartnerEvent is an audit event a partner's user caused in a customer
// tenant: an entry of the partner's activity log.
type PartnerEvent struct {
	CustomerTenantID string
	Event            AuditEvent
}

// PartnerCursor is where a page of the partner's activity log ends.
type PartnerCursor struct {
	At time.Time
	ID string
}
