package authn

import (
	"crypto/rsa"
	"slices"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// authRequest adapts a stored authorization request to op.AuthRequest.
type authRequest struct{ a directory.AuthRequest }

func (r *authRequest) GetID() string          { return r.a.ID }
func (r *authRequest) GetACR() string         { return "" }
func (r *authRequest) GetAMR() []string       { return r.a.Spec.AMR }
func (r *authRequest) GetAudience() []string  { return []string{GraphAppID} }
func (r *authRequest) GetAuthTime() time.Time { return r.a.Spec.AuthTime }
func (r *authRequest) GetClientID() string    { return r.a.Spec.ClientID }
func (r *authRequest) GetNonce() string       { return r.a.Spec.Nonce }
func (r *authRequest) GetRedirectURI() string { return r.a.Spec.RedirectURI }
func (r *authRequest) GetScopes() []string    { return r.a.Spec.Scopes }
func (r *authRequest) GetState() string       { return r.a.Spec.State }
func (r *authRequest) GetSubject() string     { return r.a.UserID }
func (r *authRequest) Done() bool             { return r.a.UserID != "" }
func (r *authRequest) GetResponseType() oidc.ResponseType {
	return oidc.ResponseType(r.a.Spec.ResponseType)
}
func (r *authRequest) GetResponseMode() oidc.ResponseMode {
	return oidc.ResponseMode(r.a.Spec.ResponseMode)
}
func (r *authRequest) GetCodeChallenge() *oidc.CodeChallenge {
	if r.a.Spec.CodeChallenge == "" {
		return nil
	}
	return &oidc.CodeChallenge{Challenge: r.a.Spec.CodeChallenge, Method: oidc.CodeChallengeMethod(r.a.Spec.CodeChallengeMethod)}
}

// refreshRequest adapts a stored refresh token to op.RefreshTokenRequest.
type refreshRequest struct {
	r      directory.RefreshToken
	scopes []string
}

func (r *refreshRequest) GetAMR() []string            { return r.r.Spec.AMR }
func (r *refreshRequest) GetAudience() []string       { return []string{GraphAppID} }
func (r *refreshRequest) GetAuthTime() time.Time      { return r.r.Spec.AuthTime }
func (r *refreshRequest) GetClientID() string         { return r.r.ClientID }
func (r *refreshRequest) GetScopes() []string         { return r.scopes }
func (r *refreshRequest) GetSubject() string          { return r.r.UserID }
func (r *refreshRequest) SetCurrentScopes(s []string) { r.scopes = s }

// client adapts an app registration (or the built-in CLI client) to
// op.Client.
type client struct {
	id       string
	uris     []string
	public   bool
	appType  op.ApplicationType
	grants   []oidc.GrantType
	loginURL func(string) string
}

func (c *client) GetID() string                       { return c.id }
func (c *client) RedirectURIs() []string              { return c.uris }
func (c *client) PostLogoutRedirectURIs() []string    { return c.uris }
func (c *client) ApplicationType() op.ApplicationType { return c.appType }
func (c *client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c *client) GrantTypes() []oidc.GrantType        { return c.grants }
func (c *client) LoginURL(id string) string           { return c.loginURL(id) }
func (c *client) AccessTokenType() op.AccessTokenType { return op.AccessTokenTypeJWT }
func (c *client) IDTokenLifetime() time.Duration      { return time.Hour }
func (c *client) DevMode() bool                       { return false }
func (c *client) ClockSkew() time.Duration            { return 0 }

// IDTokenUserinfoClaimsAssertion puts the profile claims (name,
// preferred_username) in the ID token, as Entra does.
func (c *client) IDTokenUserinfoClaimsAssertion() bool { return true }
func (c *client) IsScopeAllowed(string) bool           { return false }
func (c *client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c *client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c *client) AuthMethod() oidc.AuthMethod {
	if c.public {
		return oidc.AuthMethodNone
	}
	return oidc.AuthMethodBasic
}

// appClient builds the op client of an app registration. It is
// confidential when it has a client secret and isn't marked a public
// client; a public client proves itself with PKCE alone, as a native app
// (its own scheme or the loopback) or a single-page app.
func appClient(a *directory.Application, loginURL func(string) string) *client {
	c := &client{id: a.AppID, appType: op.ApplicationTypeWeb, loginURL: loginURL,
		public: a.Spec.IsFallbackPublicClient || len(a.Secrets) == 0,
		grants: []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeRefreshToken}}
	c.uris = slices.Concat(a.Spec.WebRedirectURIs, a.Spec.SPARedirectURIs, a.Spec.PublicRedirectURIs)
	switch {
	case !c.public:
		c.grants = append(c.grants, oidc.GrantTypeClientCredentials)
	case len(a.Spec.SPARedirectURIs) > 0 && len(a.Spec.PublicRedirectURIs) == 0:
		c.appType = op.ApplicationTypeUserAgent
	default:
		c.appType = op.ApplicationTypeNative
		c.grants = append(c.grants, oidc.GrantTypeDeviceCode) // CLIs and devices without a browser
	}
	return c
}

// cliClient is the built-in public client of the atrium CLI: it signs in
// with the device code flow (atrium login), or receives codes on the
// loopback.
func cliClient(loginURL func(string) string) *client {
	return &client{id: CLIClientID, public: true, appType: op.ApplicationTypeNative, loginURL: loginURL,
		uris:   []string{"http://localhost", "http://127.0.0.1"},
		grants: []oidc.GrantType{oidc.GrantTypeCode, oidc.GrantTypeRefreshToken, oidc.GrantTypeDeviceCode}}
}

// signingKey and publicKey adapt a tenant's RSA key to op's interfaces.
type signingKey struct {
	id  string
	key *rsa.PrivateKey
}

func (k *signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k *signingKey) Key() any                                    { return k.key }
func (k *signingKey) ID() string                                  { return k.id }

type publicKey struct {
	id  string
	key *rsa.PublicKey
}

func (k *publicKey) ID() string                         { return k.id }
func (k *publicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k *publicKey) Use() string                        { return "sig" }
func (k *publicKey) Key() any                           { return k.key }
