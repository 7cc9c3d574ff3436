package client

import (
	"context"
	"net/http"
	"time"
)

// SupportRequest is a service request to the operator's support
// (/api/support/requests). On create only the writable fields are sent:
// title, description, service, severity and the contact fields.
type SupportRequest struct {
	ID                     string         `json:"id,omitempty"`
	Title                  string         `json:"title"`
	Description            string         `json:"description"`
	Service                string         `json:"service"`            // mail, filesAndSites, chat, officeApps, identity, billing, other
	Severity               string         `json:"severity,omitempty"` // normal (default), high, critical
	ContactName            string         `json:"contactName,omitempty"`
	ContactPhone           string         `json:"contactPhone,omitempty"`
	ContactEmail           string         `json:"contactEmail,omitempty"`
	PreferredContactMethod string         `json:"preferredContactMethod,omitempty"` // email (default) or phone
	Status                 string         `json:"status,omitempty"`                 // open, inProgress, waitingOnCustomer, resolved, closed
	CreatedBy              *SupportAuthor `json:"createdBy,omitempty"`
	CreatedDateTime        *time.Time     `json:"createdDateTime,omitempty"`
	LastModifiedDateTime   *time.Time     `json:"lastModifiedDateTime,omitempty"`
	// OnBehalfOfPartner names the partner whose user opened the request
	// for the customer.
	OnBehalfOfPartner *Partner         `json:"onBehalfOfPartner,omitempty"`
	Messages          []SupportMessage `json:"messages,omitempty"` // only on a single request
}

// SupportAuthor is who opened a request or wrote a message: a user of
// the organization, or support (DisplayName "Atrium support").
type SupportAuthor struct {
	ID                string `json:"id,omitempty"`
	UserPrincipalName string `json:"userPrincipalName,omitempty"`
	DisplayName       string `json:"displayName,omitempty"`
}

// SupportMessage is one message of a request's thread.
type SupportMessage struct {
	ID              int            `json:"id"`
	From            string         `json:"from"` // customer or support
	Author          *SupportAuthor `json:"author"`
	Text            string         `json:"text"`
	CreatedDateTime time.Time      `json:"createdDateTime"`
}

// CreateSupportRequest opens a service request.
func (c *Client) CreateSupportRequest(ctx context.Context, r SupportRequest) (SupportRequest, error) {
	var out SupportRequest
	err := c.Do(ctx, http.MethodPost, "/api/support/requests", nil, nil, r, &out)
	return out, err
}

// ListSupportRequests returns the first page of service requests, newest
// first; Filter may compare status, severity and service with eq.
func (c *Client) ListSupportRequests(ctx context.Context, o ListOptions) (Page[SupportRequest], error) {
	return list[SupportRequest](ctx, c, "/api/support/requests", o)
}

// GetSupportRequest returns a request with its messages.
func (c *Client) GetSupportRequest(ctx context.Context, id string) (SupportRequest, error) {
	var out SupportRequest
	err := c.Do(ctx, http.MethodGet, "/api/support/requests/"+esc(id), nil, nil, nil, &out)
	return out, err
}

// AddSupportMessage adds a message to a request's thread.
func (c *Client) AddSupportMessage(ctx context.Context, id, text string) (SupportMessage, error) {
	var out SupportMessage
	err := c.Do(ctx, http.MethodPost, "/api/support/requests/"+esc(id)+"/messages", nil, nil, map[string]string{"text": text}, &out)
	return out, err
}

// CloseSupportRequest closes a request.
func (c *Client) CloseSupportRequest(ctx context.Context, id string) (SupportRequest, error) {
	var out SupportRequest
	err := c.Do(ctx, http.MethodPost, "/api/support/requests/"+esc(id)+"/close", nil, nil, nil, &out)
	return out, err
}
