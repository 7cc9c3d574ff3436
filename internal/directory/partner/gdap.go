package partner

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
)

// The statuses of a GDAP relationship that Atrium stores (partners.md
// §5.3). Approval, activation, termination and expiry each happen in one
// transaction, so the passing statuses approved, activating, expiring,
// terminationRequested and terminating are never seen.
const (
	GDAPCreated         = "created"
	GDAPApprovalPending = "approvalPending"
	GDAPActive          = "active"
	GDAPExpired         = "expired"
	GDAPTerminated      = "terminated"
)

// The values of a relationship's autoExtendDuration.
const (
	AutoExtendNone = "PT0S"
	AutoExtendZero = "P0D"
	AutoExtend180  = "P180D"
)

// The time rules of partners.md §5.2, §5.5 and §5.8.
const (
	AutoExtendBy   = 180 * 24 * time.Hour // what P180D adds at the end
	ApprovalTTL    = 90 * 24 * time.Hour  // an unanswered request expires (gdap-faq)
	approvalRemind = 7 * 24 * time.Hour   // reminders 7 days after locking and before ApprovalTTL
	minGDAPDays    = 1
	maxGDAPDays    = 730 // P2Y
)

// MaxGDAPName is the longest display name of a relationship.
const MaxGDAPName = 50

// GDAPRelationship is a granular delegated admin relationship between a
// partner and a customer (partners.md §5.2). It is stored in the partner
// tenant and seen from the customer's side once the partner named it.
type GDAPRelationship struct {
	ID               string // two GUIDs joined by '-'
	PartnerTenantID  string
	CustomerTenantID string
	CustomerName     string // copied when the partner names the customer
	DisplayName      string
	Duration         string   // ISO 8601, as the partner gave it (P730D, P2Y)
	Roles            []string // role template ids
	AutoExtend       string   // AutoExtendNone, AutoExtendZero or AutoExtend180
	Status           string
	CreatedAt        time.Time
	ModifiedAt       time.Time
	LockedAt         time.Time // entered approvalPending
	ActivatedAt      time.Time
	EndAt            time.Time
	Version          int // grows with every change: the etag
	// Notices are the notices already sent (Notice… bits), so that each
	// goes out once.
	Notices int
	// DueAt is when the GDAP job next has something to do with the
	// relationship (a notice, the end, the approval deadline); zero: never.
	DueAt time.Time
}

// The notices of a relationship, as bits of Notices.
const (
	NoticeApprovalReminder = 1 << iota // 7 days after locking
	NoticeApprovalLastWeek             // 7 days before the approval deadline
	NoticeEnd30                        // 30 days before endDateTime
	NoticeEnd7
	NoticeEnd1
)

// EndNotices are the notices before the end with how long before it.
var EndNotices = []struct {
	Bit    int
	Before time.Duration
}{{NoticeEnd30, 30 * 24 * time.Hour}, {NoticeEnd7, 7 * 24 * time.Hour}, {NoticeEnd1, 24 * time.Hour}}

// IsLive reports whether the relationship still counts between the two
// tenants: neither terminated nor expired.
func (r GDAPRelationship) IsLive() bool {
	return r.Status != GDAPTerminated && r.Status != GDAPExpired
}

// ETag is the relationship's @odata.etag.
func (r GDAPRelationship) ETag() string { return fmt.Sprintf(`W/"%d"`, r.Version) }

// ApprovalDeadline is when a relationship left in approvalPending expires.
func (r GDAPRelationship) ApprovalDeadline() time.Time { return r.LockedAt.Add(ApprovalTTL) }

// HasGlobalAdmin reports whether the relationship lists Global
// Administrator, which can't be auto-extended.
func (r GDAPRelationship) HasGlobalAdmin() bool {
	return slices.Contains(r.Roles, authz.GlobalAdmin.TemplateID)
}

// AutoExtends reports whether the relationship moves its end by 180 days
// when it comes.
func (r GDAPRelationship) AutoExtends() bool {
	return r.AutoExtend == AutoExtend180 && !r.HasGlobalAdmin()
}

// NextDue computes DueAt: the earliest moment the job has work with r.
func (r GDAPRelationship) NextDue() time.Time {
	switch r.Status {
	case GDAPApprovalPending:
		switch {
		case r.Notices&NoticeApprovalReminder == 0:
			return r.LockedAt.Add(approvalRemind)
		case r.Notices&NoticeApprovalLastWeek == 0:
			return r.ApprovalDeadline().Add(-approvalRemind)
		}
		return r.ApprovalDeadline()
	case GDAPActive:
		for _, n := range EndNotices {
			if r.Notices&n.Bit == 0 {
				return r.EndAt.Add(-n.Before)
			}
		}
		return r.EndAt
	}
	return time.Time{}
}

var durationRE = regexp.MustCompile(`^P(\d{1,4})([DWY])$`)

// GDAPDays parses a relationship's ISO 8601 duration (PnD, PnW or PnY; a
// year is 365 days) and checks that it lies between P1D and P2Y.
func GDAPDays(d string) (int, error) {
	m := durationRE.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(d)))
	if m == nil {
		return 0, fmt.Errorf("'%s' is not an ISO 8601 duration in days, weeks or years, such as P730D or P2Y", d)
	}
	n, _ := strconv.Atoi(m[1])
	switch m[2] {
	case "W":
		n *= 7
	case "Y":
		n *= 365
	}
	if n < minGDAPDays || n > maxGDAPDays {
		return 0, fmt.Errorf("the duration must be between P1D and P2Y (730 days); '%s' is %d days", d, n)
	}
	return n, nil
}

// CheckGDAP checks a relationship's editable fields (partners.md §5.2)
// and normalizes them. It returns the field at fault and why.
func CheckGDAP(r *GDAPRelationship) (field string, err error) {
	r.DisplayName = strings.TrimSpace(r.DisplayName)
	switch n := utf8.RuneCountInString(r.DisplayName); {
	case n == 0:
		return "displayName", fmt.Errorf("a display name is required")
	case n > MaxGDAPName:
		return "displayName", fmt.Errorf("the display name has %d characters; at most %d are allowed", n, MaxGDAPName)
	}
	r.Duration = strings.ToUpper(strings.TrimSpace(r.Duration))
	if _, err := GDAPDays(r.Duration); err != nil {
		return "duration", err
	}
	if len(r.Roles) == 0 {
		return "accessDetails", fmt.Errorf("list at least one role in accessDetails.unifiedRoles")
	}
	var roles []string
	for _, id := range r.Roles {
		role, ok := authz.BuiltInRole(strings.ToLower(strings.TrimSpace(id)))
		if !ok {
			return "accessDetails", fmt.Errorf("'%s' is not a built-in role template id; custom roles can't be delegated", id)
		}
		if !slices.Contains(roles, role.TemplateID) {
			roles = append(roles, role.TemplateID)
		}
	}
	r.Roles = roles
	switch r.AutoExtend {
	case "":
		r.AutoExtend = AutoExtendNone
	case AutoExtendNone, AutoExtendZero:
	case AutoExtend180:
		if r.HasGlobalAdmin() {
			return "autoExtendDuration", fmt.Errorf("a relationship with the Global Administrator role can't be auto-extended; use PT0S")
		}
	default:
		return "autoExtendDuration", fmt.Errorf("'%s' is not allowed; use PT0S, P0D or P180D", r.AutoExtend)
	}
	return "", nil
}

// Activate moves an approved relationship to active at now, with its end
// a duration later.
func (r *GDAPRelationship) Activate(now time.Time) {
	days, _ := GDAPDays(r.Duration)
	r.Status, r.ActivatedAt, r.EndAt = GDAPActive, now, now.Add(time.Duration(days)*24*time.Hour)
	r.Notices = 0
}

// The statuses of an access assignment (partners.md §5.6).
const (
	AssignmentPending = "pending"
	AssignmentActive  = "active"
)

// GDAPAssignment gives one partner security group some of a
// relationship's roles (an access assignment).
type GDAPAssignment struct {
	ID             string
	RelationshipID string
	GroupID        string
	Roles          []string // role template ids, a subset of the relationship's
	Status         string
	CreatedAt      time.Time
	ModifiedAt     time.Time
	Version        int
}

// ETag is the assignment's @odata.etag.
func (a GDAPAssignment) ETag() string { return fmt.Sprintf(`W/"%d"`, a.Version) }

// CheckAssignmentRoles normalizes an assignment's roles and checks that
// they are a non-empty subset of the relationship's.
func CheckAssignmentRoles(rel GDAPRelationship, roles []string) ([]string, error) {
	if len(roles) == 0 {
		return nil, fmt.Errorf("list at least one role in accessDetails.unifiedRoles")
	}
	var out []string
	for _, id := range roles {
		id = strings.ToLower(strings.TrimSpace(id))
		if !slices.Contains(rel.Roles, id) {
			return nil, fmt.Errorf("role '%s' is not among the roles of relationship %s", id, rel.DisplayName)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}
