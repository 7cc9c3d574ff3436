package client

import (
	"context"
	"net/http"
	"time"
)

// HealthOverview is a service's current health (Graph's
// serviceHealth): status is serviceOperational unless an issue is open.
type HealthOverview struct {
	ID      string `json:"id"`
	Service string `json:"service"`
	Status  string `json:"status"`
}

// ItemBody is a text with its content type.
type ItemBody struct {
	ContentType string `json:"contentType"`
	Content     string `json:"content"`
}

// HealthIssue is an incident or advisory (Graph's serviceHealthIssue).
type HealthIssue struct {
	ID                   string            `json:"id"`
	Title                string            `json:"title"`
	ImpactDescription    string            `json:"impactDescription"`
	Classification       string            `json:"classification"` // advisory or incident
	Status               string            `json:"status"`
	Service              string            `json:"service"`
	Feature              *string           `json:"feature"`
	IsResolved           bool              `json:"isResolved"`
	StartDateTime        time.Time         `json:"startDateTime"`
	EndDateTime          *time.Time        `json:"endDateTime"`
	LastModifiedDateTime time.Time         `json:"lastModifiedDateTime"`
	Posts                []HealthIssuePost `json:"posts"`
}

// HealthIssuePost is one update of an issue.
type HealthIssuePost struct {
	CreatedDateTime time.Time `json:"createdDateTime"`
	PostType        string    `json:"postType"` // regular or quick
	Description     ItemBody  `json:"description"`
}

// ServiceMessage is a message center post (Graph's
// serviceUpdateMessage), with the reading user's viewPoint.
type ServiceMessage struct {
	ID                       string           `json:"id"`
	Title                    string           `json:"title"`
	Category                 string           `json:"category"` // planForChange, stayInformed, preventOrFixIssue
	Severity                 string           `json:"severity"` // normal, high, critical
	Tags                     []string         `json:"tags"`
	IsMajorChange            bool             `json:"isMajorChange"`
	Services                 []string         `json:"services"`
	StartDateTime            time.Time        `json:"startDateTime"`
	EndDateTime              *time.Time       `json:"endDateTime"`
	ActionRequiredByDateTime *time.Time       `json:"actionRequiredByDateTime"`
	LastModifiedDateTime     time.Time        `json:"lastModifiedDateTime"`
	Body                     ItemBody         `json:"body"`
	ViewPoint                MessageViewPoint `json:"viewPoint"`
}

// MessageViewPoint is the reading user's state of a message.
type MessageViewPoint struct {
	IsRead      bool `json:"isRead"`
	IsArchived  bool `json:"isArchived"`
	IsFavorited bool `json:"isFavorited"`
}

const serviceAnnouncement = "/v1.0/admin/serviceAnnouncement/"

// HealthOverviews returns every service's health.
func (c *Client) HealthOverviews(ctx context.Context) ([]HealthOverview, error) {
	var p Page[HealthOverview]
	err := c.Do(ctx, http.MethodGet, serviceAnnouncement+"healthOverviews", nil, nil, nil, &p)
	return p.Value, err
}

// HealthIssues returns the open issues and those of the last 30 days.
func (c *Client) HealthIssues(ctx context.Context) ([]HealthIssue, error) {
	var p Page[HealthIssue]
	err := c.Do(ctx, http.MethodGet, serviceAnnouncement+"issues", nil, nil, nil, &p)
	return p.Value, err
}

// ServiceMessages returns the message center's posts.
func (c *Client) ServiceMessages(ctx context.Context) ([]ServiceMessage, error) {
	var p Page[ServiceMessage]
	err := c.Do(ctx, http.MethodGet, serviceAnnouncement+"messages", nil, nil, nil, &p)
	return p.Value, err
}

// MarkMessages changes the caller's state of messages; action is markRead,
// markUnread, archive, unarchive, favorite or unfavorite.
func (c *Client) MarkMessages(ctx context.Context, action string, ids ...string) error {
	return c.Do(ctx, http.MethodPost, serviceAnnouncement+"messages/"+action, nil, nil, map[string][]string{"messageIds": ids}, nil)
}
