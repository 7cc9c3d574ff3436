package directory

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// SupportRequest is a service request a tenant's admins open with the
// deployment operator's support (admin-center.md §10), with its thread.
type SupportRequest struct {
	ID            string // SR-YYYYMMDD-nnnn, numbered per tenant and day
	TenantID      string // set only in the operator's queue
	Title         string
	Description   string
	Service       string // one of SupportServices
	Severity      string // normal, high or critical
	ContactName   string
	ContactPhone  string
	ContactEmail  string
	ContactMethod string // email or phone
	Status        string // one of SupportStatuses
	CreatedByID   string // the user who opened it; empty for the operator
	CreatedByUPN  string
	// PartnerTenantID and PartnerName are set when a partner's user opened
	// the request on the customer's behalf (partners.md §6).
	PartnerTenantID string
	PartnerName     string
	CreatedAt       time.Time
	UpdatedAt       time.Time
	Messages        []SupportMessage // oldest first; filled by GetSupportRequest
}

// SupportMessage is one message of a request's thread, from the customer
// or from support (the operator).
type SupportMessage struct {
	N           int // 1, 2, … within the request
	At          time.Time
	AuthorID    string // the user; empty for support
	AuthorName  string // the user's principal name, or "Atrium support"
	FromSupport bool
	Text        string
}

// SupportInput is what an admin fills in to open a request; the contact
// fields default to the caller.
type SupportInput struct {
	Title, Description, Service, Severity   string
	ContactName, ContactPhone, ContactEmail string
	ContactMethod                           string
}

// The choices of a service request.
var (
	SupportServices   = []string{"mail", "filesAndSites", "chat", "officeApps", "identity", "billing", "other"}
	SupportSeverities = []string{"normal", "high", "critical"}
	SupportStatuses   = []string{"open", "inProgress", "waitingOnCustomer", "resolved", "closed"}
	contactMethods    = []string{"email", "phone"}
)

// Limits on service requests.
const (
	maxSupportTitle       = 200
	maxSupportText        = 10000 // description and each message
	maxSupportMessages    = 200   // a longer conversation belongs in a new request
	supportOperatorAuthor = "Atrium support"
)

var supportIDPattern = regexp.MustCompile(`^SR-[0-9]{8}-[0-9]{4,}$`)

// supportID returns the canonical form of a request id, or false if it
// can't be one.
func supportID(id string) (string, bool) {
	id = strings.ToUpper(strings.TrimSpace(id))
	return id, supportIDPattern.MatchString(id)
}

// newSupportID makes the id of the nth request of a tenant on day.
func newSupportID(day time.Time, n int) string {
	return fmt.Sprintf("SR-%s-%04d", day.UTC().Format("20060102"), n)
}

// supportSequence names a tenant's counter of requests opened on day.
func supportSequence(day time.Time) string { return "support:" + day.UTC().Format("20060102") }

// checkText validates a free text: required, at most max characters, no
// control characters except line breaks and tabs.
func checkText(field, s string, max int) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", Invalid(field, "Property '%s' is required.", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", Invalid(field, "Property '%s' must be %d characters or fewer (got %d).", field, max, n)
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return isControl(r) && r != '\n' && r != '\r' && r != '\t' }) {
		return "", Invalid(field, "Property '%s' contains a control character or invalid text.", field)
	}
	return s, nil
}

func oneOf(field, v string, allowed []string) error {
	if !slices.Contains(allowed, v) {
		return Invalid(field, "Property '%s' must be one of %s (got '%s').", field, strings.Join(allowed, ", "), v)
	}
	return nil
}

// build validates in and returns the new request's fields; name and
// mail fill an empty contact.
func (in SupportInput) build(name, mail string) (SupportRequest, error) {
	var r SupportRequest
	var err error
	if r.Title, err = checkText("title", in.Title, maxSupportTitle); err != nil {
		return r, err
	}
	if strings.ContainsAny(r.Title, "\r\n") {
		return r, Invalid("title", "Property 'title' must be one line.")
	}
	if r.Description, err = checkText("description", in.Description, maxSupportText); err != nil {
		return r, err
	}
	r.Service, r.Severity, r.ContactMethod = strings.TrimSpace(in.Service), orDefault(in.Severity, "normal"), orDefault(in.ContactMethod, "email")
	if r.Service == "" {
		return r, Invalid("service", "Property 'service' is required: one of %s.", strings.Join(SupportServices, ", "))
	}
	for _, c := range []struct {
		field, v string
		allowed  []string
	}{
		{"service", r.Service, SupportServices}, {"severity", r.Severity, SupportSeverities}, {"preferredContactMethod", r.ContactMethod, contactMethods},
	} {
		if err := oneOf(c.field, c.v, c.allowed); err != nil {
			return r, err
		}
	}
	r.ContactName, r.ContactPhone, r.ContactEmail = orDefault(in.ContactName, name), strings.TrimSpace(in.ContactPhone), orDefault(in.ContactEmail, mail)
	for _, c := range []struct {
		field, v string
		max      int
		check    func(string) string
	}{{"contactName", r.ContactName, 256, nil}, {"contactPhone", r.ContactPhone, 64, nil}, {"contactEmail", r.ContactEmail, 254, checkMail}} {
		if c.v != "" {
			if err := checkString(c.field, c.max, c.check, c.v); err != nil {
				return r, err
			}
		}
	}
	switch {
	case r.ContactMethod == "phone" && r.ContactPhone == "":
		return r, Invalid("contactPhone", "Give a contact phone number, or prefer email.")
	case r.ContactMethod == "email" && r.ContactEmail == "":
		return r, Invalid("contactEmail", "Give a contact email address, or prefer phone.")
	}
	return r, nil
}

func orDefault(s, def string) string {
	if s = strings.TrimSpace(s); s == "" {
		return def
	}
	return s
}

// afterMessage is the status a request moves to when a message arrives:
// support picking up a new request works on it; a customer answering
// support (or reopening a resolved request) hands it back to support.
func afterMessage(status string, fromSupport bool) string {
	switch {
	case fromSupport && status == "open":
		return "inProgress"
	case !fromSupport && (status == "waitingOnCustomer" || status == "resolved"):
		return "inProgress"
	}
	return status
}

func supportTarget(r *SupportRequest, mods []ModifiedProperty) AuditTarget {
	return AuditTarget{ID: r.ID, DisplayName: r.Title, Type: "ServiceRequest", ModifiedProperties: mods}
}
