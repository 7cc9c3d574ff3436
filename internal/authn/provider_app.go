package authn

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// The client credentials grant: an app registered in the tenant gets a
// token for itself with its secret. The token names the app (oid = its
// object id, azp = its client id), carries its application permissions as
// roles and idtyp "app", and is for the Graph API (scope
// https://graph.microsoft.com/.default, as in Entra).

var _ op.ClientCredentialsStorage = (*storage)(nil)

// appTokenRequest is a client credentials request, as op.TokenRequest.
type appTokenRequest struct {
	app    directory.Application
	scopes []string
}

func (r *appTokenRequest) GetSubject() string    { return r.app.ID }
func (r *appTokenRequest) GetAudience() []string { return []string{GraphAppID} }
func (r *appTokenRequest) GetScopes() []string   { return r.scopes }

func (s *storage) ClientCredentials(ctx context.Context, clientID, secret string) (op.Client, error) {
	a, err := s.p.dir.ClientApplication(ctx, s.tenantID, clientID)
	if err != nil {
		return nil, err
	}
	if err := s.p.dir.CheckClientSecret(&a, secret); err != nil {
		return nil, err
	}
	return appClient(&a, s.loginURL), nil
}

// graphDefaultScopes are the scopes that ask for the app's permissions on
// the Graph API.
var graphDefaultScopes = []string{"https://graph.microsoft.com/.default", GraphAppID + "/.default"}

func (s *storage) ClientCredentialsTokenRequest(ctx context.Context, clientID string, scopes []string) (op.TokenRequest, error) {
	a, err := s.p.dir.ClientApplication(ctx, s.tenantID, clientID)
	if err != nil {
		return nil, err
	}
	own := s.p.baseURL + "/.default"
	if len(scopes) != 1 || !(slices.Contains(graphDefaultScopes, scopes[0]) || strings.EqualFold(scopes[0], own)) {
		return nil, oidc.ErrInvalidScope().WithDescription("AADSTS1002012: The scope must be https://graph.microsoft.com/.default: an app gets the application permissions it was granted, no more.")
	}
	return &appTokenRequest{app: a, scopes: scopes}, nil
}

// GetPrivateClaimsFromRequest adds Entra's claims to access tokens: the
// user's for a user's token, the app's for client credentials.
func (s *storage) GetPrivateClaimsFromRequest(ctx context.Context, req op.TokenRequest, scopes []string) (map[string]any, error) {
	if r, ok := req.(*appTokenRequest); ok {
		uti := make([]byte, 16)
		_, _ = rand.Read(uti)
		c := map[string]any{"tid": s.tenantID, "oid": r.app.ID, "azp": r.app.AppID, "idtyp": "app", "ver": "2.0",
			"uti": base64.RawURLEncoding.EncodeToString(uti)}
		if len(r.app.Spec.AppPermissions) > 0 {
			c["roles"] = r.app.Spec.AppPermissions
		}
		return c, nil
	}
	clientID := ""
	if cr, ok := req.(interface{ GetClientID() string }); ok {
		clientID = cr.GetClientID()
	}
	return s.GetPrivateClaimsFromScopes(ctx, req.GetSubject(), clientID, scopes)
}
