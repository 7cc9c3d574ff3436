package directory

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// HealthService is one service of the service health page (admin-center.md
// §11); the list is fixed.
type HealthService struct {
	ID   string // Graph's healthOverview id
	Name string
	code string // the prefix of its issue ids
}

// HealthServices are the services whose health the operator reports.
var HealthServices = []HealthService{
	{"AtriumMail", "Atrium Mail", "AM"}, {"FilesAndSites", "Files and sites", "FS"},
	{"ChatAndMeetings", "Chat and meetings", "CM"}, {"OfficeApps", "Office apps", "OA"},
	{"IdentityAndSignIn", "Identity and sign-in", "IS"}, {"AdminCenter", "Admin center", "AC"},
	{"DeviceManagement", "Device management", "DM"}, {"DirectorySync", "Directory sync", "DS"},
}

// LookupHealthService finds a service by id or name, ignoring case.
func LookupHealthService(idOrName string) (HealthService, bool) {
	for _, hs := range HealthServices {
		if strings.EqualFold(hs.ID, idOrName) || strings.EqualFold(hs.Name, idOrName) {
			return hs, true
		}
	}
	return HealthService{}, false
}

// HealthIssue is an incident or advisory the operator publishes for every
// tenant, with its posts (Graph's serviceHealthIssue).
type HealthIssue struct {
	ID                string // the service's code and a number, e.g. AM100001
	Service           string // HealthService.ID
	Title             string
	ImpactDescription string
	Classification    string // advisory or incident
	Status            string // Graph's serviceHealthStatus
	Feature           string
	IsResolved        bool
	StartAt           time.Time
	EndAt             time.Time // zero until resolved
	UpdatedAt         time.Time
	Posts             []IssuePost // oldest first
}

// IssuePost is one update of an issue.
type IssuePost struct {
	At   time.Time `json:"at"`
	Type string    `json:"type"` // regular or quick
	Text string    `json:"text"`
}

// HealthOverview is a service's current status.
type HealthOverview struct {
	Service HealthService
	Status  string
}

// The issue classifications and statuses. Open issues take one of
// openStatuses, ordered from the least to the most severe; resolving
// sets one of ResolvedStatuses.
var (
	IssueClassifications = []string{"advisory", "incident"}
	openStatuses         = []string{"verifyingService", "investigating", "restoringService", "extendedRecovery", "serviceDegradation", "serviceInterruption"}
	ResolvedStatuses     = []string{"serviceRestored", "falsePositive", "resolved"}
)

// OpenIssueStatuses lists the statuses of an unresolved issue.
func OpenIssueStatuses() []string { return slices.Clone(openStatuses) }

// healthHistory is how long resolved issues stay listed.
const healthHistory = 30 * 24 * time.Hour

// overviews derives each service's status from its unresolved issues: the
// most severe status of its incidents, else of its advisories, else
// serviceOperational.
func overviews(issues []HealthIssue) []HealthOverview {
	out := make([]HealthOverview, len(HealthServices))
	for i, hs := range HealthServices {
		best, bestIncident := -1, false
		for _, is := range issues {
			if is.IsResolved || is.Service != hs.ID {
				continue
			}
			incident, rank := is.Classification == "incident", slices.Index(openStatuses, is.Status)
			if (incident && !bestIncident) || (incident == bestIncident && rank > best) {
				best, bestIncident = rank, incident
			}
		}
		out[i] = HealthOverview{Service: hs, Status: "serviceOperational"}
		if best >= 0 {
			out[i].Status = openStatuses[best]
		}
	}
	return out
}

// ServiceMessage is a message center post (Graph's serviceUpdateMessage).
type ServiceMessage struct {
	ID            string // MC and a number
	Title         string
	Category      string // planForChange, stayInformed or preventOrFixIssue
	Severity      string // normal, high or critical
	Services      []string
	Tags          []string
	IsMajorChange bool
	StartAt       time.Time
	EndAt         time.Time // zero: shown until archived
	ActBy         time.Time // zero: no action required
	UpdatedAt     time.Time
	Body          string
}

// MessageView is one user's state of one message.
type MessageView struct {
	MessageID string
	Read      bool
	Archived  bool
	Favorited bool
}

// UserMessage is a message with the reading user's state of it.
type UserMessage struct {
	ServiceMessage
	View MessageView
}

// MessageCategories are the message center categories.
var MessageCategories = []string{"planForChange", "stayInformed", "preventOrFixIssue"}

// MessageActions are Graph's per-user message actions.
var MessageActions = []string{"markRead", "markUnread", "archive", "unarchive", "favorite", "unfavorite"}

// apply applies one of MessageActions to v.
func (v *MessageView) apply(action string) {
	switch action {
	case "markRead", "markUnread":
		v.Read = action == "markRead"
	case "archive", "unarchive":
		v.Archived = action == "archive"
	case "favorite", "unfavorite":
		v.Favorited = action == "favorite"
	}
}

// Limits on what the operator publishes.
const (
	maxHealthTitle   = 256
	maxHealthText    = 20000 // an issue post or a message body
	maxMessageTags   = 10
	maxMarkMessages  = 100
	healthIDBase     = 100000 // the first issue is AM100001, the first message MC100001
	maxMessageListed = 500
)

// oneLine validates a required one-line text of at most max characters.
func oneLine(field, s string, max int) (string, error) {
	s, err := checkText(field, s, max)
	if err == nil && strings.ContainsAny(s, "\r\n\t") {
		err = Invalid(field, "Property '%s' must be one line.", field)
	}
	return s, err
}

// optional validates an optional text: empty, or valid as checkText.
func optional(field, s string, max int) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	return checkText(field, s, max)
}

func healthID(prefix string, n int) string { return fmt.Sprintf("%s%d", prefix, healthIDBase+n) }

// checkTags trims and validates message tags.
func checkTags(tags []string) ([]string, error) {
	out := []string{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" || utf8.RuneCountInString(t) > 64 || strings.ContainsFunc(t, isControl) {
			return nil, Invalid("tags", "A tag is 1 to 64 characters on one line.")
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	if len(out) > maxMessageTags {
		return nil, Invalid("tags", "A message has at most %d tags.", maxMessageTags)
	}
	return out, nil
}
