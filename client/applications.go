package client

import (
	"context"
	"net/http"
	"time"
)

// Application is an app registration, as Graph's application resource.
type Application struct {
	ID                     string               `json:"id,omitempty"`
	AppID                  string               `json:"appId,omitempty"`
	DisplayName            string               `json:"displayName,omitempty"`
	CreatedDateTime        *time.Time           `json:"createdDateTime,omitempty"`
	SignInAudience         string               `json:"signInAudience,omitempty"`
	IsFallbackPublicClient *bool                `json:"isFallbackPublicClient,omitempty"`
	Web                    *RedirectURIs        `json:"web,omitempty"`
	SPA                    *RedirectURIs        `json:"spa,omitempty"`
	PublicClient           *RedirectURIs        `json:"publicClient,omitempty"`
	PasswordCredentials    []PasswordCredential `json:"passwordCredentials,omitempty"`
	// AppPermissions (an Atrium property) are the application permissions
	// the app holds for client credentials, such as User.Read.All.
	AppPermissions []string `json:"appPermissions,omitempty"`
}

// RedirectURIs are the redirect URIs of one platform (web, spa,
// publicClient).
type RedirectURIs struct {
	RedirectURIs []string `json:"redirectUris"`
}

// PasswordCredential is a client secret. SecretText is set only in the
// answer to AddApplicationPassword.
type PasswordCredential struct {
	KeyID         string     `json:"keyId,omitempty"`
	DisplayName   string     `json:"displayName,omitempty"`
	Hint          string     `json:"hint,omitempty"`
	SecretText    *string    `json:"secretText"`
	StartDateTime *time.Time `json:"startDateTime,omitempty"`
	EndDateTime   *time.Time `json:"endDateTime,omitempty"`
}

// ListApplications returns the tenant's app registrations.
func (c *Client) ListApplications(ctx context.Context) ([]Application, error) {
	var p Page[Application]
	err := c.Do(ctx, http.MethodGet, "/v1.0/applications", nil, nil, nil, &p)
	return p.Value, err
}

// CreateApplication registers an application.
func (c *Client) CreateApplication(ctx context.Context, a Application) (Application, error) {
	var out Application
	err := c.Do(ctx, http.MethodPost, "/v1.0/applications", nil, nil, a, &out)
	return out, err
}

// AddApplicationPassword adds a client secret; the answer carries its
// value, which the server never shows again.
func (c *Client) AddApplicationPassword(ctx context.Context, id, displayName string, end *time.Time) (PasswordCredential, error) {
	var out PasswordCredential
	body := map[string]any{"passwordCredential": PasswordCredential{DisplayName: displayName, EndDateTime: end}}
	err := c.Do(ctx, http.MethodPost, "/v1.0/applications/"+esc(id)+"/addPassword", nil, nil, body, &out)
	return out, err
}

// RemoveApplicationPassword removes a client secret.
func (c *Client) RemoveApplicationPassword(ctx context.Context, id, keyID string) error {
	return c.Do(ctx, http.MethodPost, "/v1.0/applications/"+esc(id)+"/removePassword", nil, nil, map[string]any{"keyId": keyID}, nil)
}
