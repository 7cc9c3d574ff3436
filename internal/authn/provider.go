package authn

import (
	"container/list"
	"crypto/rand"
	"net/http"
	"strings"
	"sync"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/text/language"
)

// CLIClientID is the client id of the built-in public client the atrium
// CLI signs in with, present in every tenant.
const CLIClientID = "atrium-cli"

// Provider is the OpenID Connect provider, built on zitadel/oidc's op
// package. Entra's layout puts the endpoints beside the issuer
// (/{tid}/oauth2/v2.0/… next to /{tid}/v2.0), while op builds endpoint URLs
// below its issuer unless they are absolute; so each tenant gets its own
// op.Provider with absolute endpoint URLs, built on first use and kept in
// a small LRU cache. All state lives in the database, so every replica
// serves every step of a flow.
type Provider struct {
	dir     *directory.Service
	tokens  *Tokens
	baseURL string
	// cryptoKey seals authorization codes (op's format). Codes are looked
	// up by their hash in the database, never decrypted, so replicas
	// don't need to share it.
	cryptoKey [32]byte

	mu    sync.Mutex
	lru   *list.List // of *tenantProvider, most recent first
	byTID map[string]*list.Element
}

type tenantProvider struct {
	tenantID string
	op       *op.Provider
}

// maxCachedProviders bounds the per-tenant providers kept in memory.
const maxCachedProviders = 256

// NewProvider returns the OpenID Connect provider of a deployment.
func NewProvider(dir *directory.Service, tokens *Tokens) *Provider {
	p := &Provider{dir: dir, tokens: tokens, baseURL: tokens.baseURL, lru: list.New(), byTID: map[string]*list.Element{}}
	if _, err := rand.Read(p.cryptoKey[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return p
}

// Issuer returns the issuer of tenantID.
func (p *Provider) Issuer(tenantID string) string { return p.tokens.Issuer(tenantID) }

// SignInURL is the page a browser is sent to when an authorization request
// needs the user to sign in.
func (p *Provider) SignInURL(tenantID, requestID string) string {
	return p.baseURL + "/" + tenantID + "/oauth2/v2.0/signin?request=" + requestID
}

// CallbackURL is where the sign-in page sends the browser once the
// request is complete; the provider then issues the code.
func (p *Provider) CallbackURL(tenantID, requestID string) string {
	return p.baseURL + "/" + tenantID + "/oauth2/v2.0/authorize/callback?id=" + requestID
}

// Handler returns the op handler of a tenant. Requests reach it with the
// tenant part of the path removed: /v2.0/.well-known/openid-configuration,
// /oauth2/v2.0/authorize, /oauth2/v2.0/token, /oidc/userinfo and so on.
func (p *Provider) Handler(tenantID string) (http.Handler, error) {
	return p.opFor(tenantID)
}

// opFor returns the tenant's op.Provider, building it on first use.
func (p *Provider) opFor(tenantID string) (*op.Provider, error) {
	p.mu.Lock()
	if e, ok := p.byTID[tenantID]; ok {
		p.lru.MoveToFront(e)
		p.mu.Unlock()
		return e.Value.(*tenantProvider).op, nil
	}
	p.mu.Unlock()
	o, err := p.build(tenantID)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if e, ok := p.byTID[tenantID]; ok { // built by another request meanwhile
		return e.Value.(*tenantProvider).op, nil
	}
	p.byTID[tenantID] = p.lru.PushFront(&tenantProvider{tenantID: tenantID, op: o})
	if p.lru.Len() > maxCachedProviders {
		last := p.lru.Back()
		p.lru.Remove(last)
		delete(p.byTID, last.Value.(*tenantProvider).tenantID)
	}
	return o, nil
}

func (p *Provider) build(tenantID string) (*op.Provider, error) {
	base := p.baseURL + "/" + tenantID
	ep := func(path string) *op.Endpoint { return op.NewEndpointWithURL(path, base+path) }
	cfg := &op.Config{
		CryptoKey:             p.cryptoKey,
		CodeMethodS256:        true,
		AuthMethodPost:        true,
		GrantTypeRefreshToken: true,
		SupportedUILocales:    []language.Tag{language.English, language.Dutch},
		SupportedScopes:       []string{"openid", "profile", "email", "offline_access"},
		DeviceAuthorization:   deviceConfig(tenantID),
	}
	opts := []op.Option{
		op.WithCustomAuthEndpoint(ep("/oauth2/v2.0/authorize")),
		op.WithCustomTokenEndpoint(ep("/oauth2/v2.0/token")),
		op.WithCustomEndSessionEndpoint(ep("/oauth2/v2.0/logout")),
		op.WithCustomRevocationEndpoint(ep("/oauth2/v2.0/revoke")),
		op.WithCustomIntrospectionEndpoint(ep("/oauth2/v2.0/introspect")),
		op.WithCustomUserinfoEndpoint(ep("/oidc/userinfo")),
		op.WithCustomKeysEndpoint(ep("/discovery/v2.0/keys")),
		op.WithCustomDeviceAuthorizationEndpoint(ep("/oauth2/v2.0/devicecode")),
	}
	if strings.HasPrefix(p.baseURL, "http://") {
		// --public-url decides on TLS; plain http serves loopback tests and
		// deployments behind a TLS-terminating proxy that forgot to say so.
		opts = append(opts, op.WithAllowInsecure())
	}
	return op.NewProvider(cfg, &storage{p: p, tenantID: tenantID}, op.StaticIssuer(p.Issuer(tenantID)), opts...)
}

// StripTenant removes "/{tenant}" from a path, so that a request can be
// passed to the tenant's handler; the discovery document's "/v2.0" prefix
// goes too.
func StripTenant(path string) string {
	rest := path
	if i := strings.IndexByte(strings.TrimPrefix(path, "/"), '/'); i >= 0 {
		rest = path[i+1:]
	}
	return strings.TrimPrefix(rest, "/v2.0")
}
