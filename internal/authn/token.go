package authn

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// GraphAppID is the application id of Microsoft Graph; tokens for Atrium's
// Graph-compatible API may carry it as audience, as Entra's do.
const GraphAppID = "00000003-0000-0000-c000-000000000000"

// Claims are the claims of an Atrium access token, with Entra's names.
type Claims struct {
	jwt.Claims
	TenantID          string   `json:"tid"`
	ObjectID          string   `json:"oid"`
	UPN               string   `json:"upn,omitempty"`
	PreferredUsername string   `json:"preferred_username,omitempty"`
	Name              string   `json:"name,omitempty"`
	Scope             string   `json:"scp,omitempty"`
	WIDs              []string `json:"wids,omitempty"`
	AuthorizedParty   string   `json:"azp,omitempty"`
	Roles             []string `json:"roles,omitempty"` // an app's application permissions
	IDType            string   `json:"idtyp,omitempty"` // "app" for an app acting on its own
	Version           string   `json:"ver"`
	UTI               string   `json:"uti"`
}

// Tokens issues and verifies access tokens.
type Tokens struct {
	dir     *directory.Service
	baseURL string // e.g. https://atrium.example.com, without a trailing slash
	now     func() time.Time

	mu   sync.Mutex
	keys map[string]keyCacheEntry // tenant id → verification keys

	parsed keyCache
}

type keyCacheEntry struct {
	keys    jose.JSONWebKeySet
	fetched time.Time
}

// keyCacheTTL bounds how long a replica trusts its copy of a tenant's keys.
const keyCacheTTL = time.Minute

// NewTokens returns a token service. baseURL is the public address of the
// deployment; it forms the issuer and the audience.
func NewTokens(dir *directory.Service, baseURL string, now func() time.Time) *Tokens {
	if now == nil {
		now = time.Now
	}
	return &Tokens{dir: dir, baseURL: strings.TrimSuffix(baseURL, "/"), now: now, keys: map[string]keyCacheEntry{}}
}

// Issuer returns the token issuer of a tenant.
func (t *Tokens) Issuer(tenantID string) string { return t.baseURL + "/" + tenantID + "/v2.0" }

// Mint signs an access token for the user userID of tenantID, valid for
// ttl, with the user's current name and roles.
func (t *Tokens) Mint(ctx context.Context, tenantID, userID string, ttl time.Duration, client string) (string, error) {
	key, err := t.dir.SigningKey(ctx, tenantID)
	if err != nil {
		return "", err
	}
	priv, err := t.parsed.get(key)
	if err != nil {
		return "", err
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: priv},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", key.KID))
	if err != nil {
		return "", err
	}
	p, err := t.dir.LoadPrincipal(ctx, tenantID, userID)
	if err != nil {
		return "", err
	}
	now := t.now().UTC()
	uti := make([]byte, 16)
	if _, err := rand.Read(uti); err != nil {
		return "", err
	}
	c := Claims{
		Claims: jwt.Claims{Issuer: t.Issuer(tenantID), Subject: p.UserID, Audience: jwt.Audience{t.baseURL},
			IssuedAt: jwt.NewNumericDate(now), NotBefore: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(now.Add(ttl))},
		TenantID: tenantID, ObjectID: p.UserID, UPN: p.UPN, PreferredUsername: p.UPN,
		Name: p.DisplayName, Scope: "Directory.AccessAsUser.All", AuthorizedParty: client, Version: "2.0",
		UTI: base64.RawURLEncoding.EncodeToString(uti), WIDs: roleTemplateIDs(p),
	}
	return jwt.Signed(signer).Claims(c).Serialize()
}

// roleTemplateIDs are the template ids of p's roles: the wids claim.
func roleTemplateIDs(p authz.Principal) []string {
	var out []string
	for _, key := range p.Roles {
		for _, r := range authz.Roles {
			if r.Key == key {
				out = append(out, r.TemplateID)
			}
		}
	}
	return out
}

// Error is an authentication failure with the message the caller sees
// (Graph's wording).
type Error struct{ Message string }

func (e *Error) Error() string { return e.Message }

// ErrNoToken is returned when a request carries no bearer token.
var ErrNoToken = &Error{"Access token is empty."}

// Authenticate verifies the request's bearer token and returns the
// principal, rebuilt from the directory so that a blocked or deleted user
// is refused at once.
func (t *Tokens) Authenticate(r *http.Request) (authz.Principal, error) {
	h := r.Header.Get("Authorization")
	raw, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		raw, ok = strings.CutPrefix(h, "bearer ")
	}
	raw = strings.TrimSpace(raw)
	if !ok || raw == "" {
		return authz.Principal{}, ErrNoToken
	}
	c, err := t.Verify(r.Context(), raw)
	if err != nil {
		return authz.Principal{}, err
	}
	load := t.dir.LoadPrincipal
	if c.IDType == "app" {
		load = t.dir.LoadAppPrincipal
	}
	p, err := load(r.Context(), c.TenantID, c.ObjectID)
	if err != nil {
		return p, err
	}
	p.IPAddress = clientIP(r)
	return p, nil
}

// Verify checks a token's signature, issuer, audience and lifetime.
func (t *Tokens) Verify(ctx context.Context, raw string) (Claims, error) {
	var c Claims
	invalid := func(why string) (Claims, error) {
		return c, &Error{"Access token is invalid: " + why + "."}
	}
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil || len(tok.Headers) != 1 {
		return invalid("it is not a signed JWT")
	}
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil || c.TenantID == "" {
		return invalid("it has no tenant")
	}
	set, err := t.tenantKeys(ctx, c.TenantID, false)
	if directory.KindOf(err) == directory.KindNotFound {
		return invalid("its signing key is unknown") // the same words as below: no tenant oracle
	} else if err != nil {
		return c, err
	}
	keys := set.Key(tok.Headers[0].KeyID)
	if len(keys) == 0 {
		if set, err = t.tenantKeys(ctx, c.TenantID, true); err == nil {
			keys = set.Key(tok.Headers[0].KeyID)
		}
	}
	if len(keys) == 0 {
		return invalid("its signing key is unknown")
	}
	c = Claims{}
	if err := tok.Claims(keys[0].Key, &c); err != nil {
		return invalid("its signature does not verify")
	}
	if c.Issuer != t.Issuer(c.TenantID) {
		return invalid("it was issued for another address of this service (check --public-url) or another tenant")
	}
	if !c.Audience.Contains(t.baseURL) && !c.Audience.Contains(GraphAppID) {
		return invalid("its audience is not this API")
	}
	if c.Expiry == nil {
		return invalid("it has no expiry")
	}
	if err := c.Claims.ValidateWithLeeway(jwt.Expected{Time: t.now()}, 30*time.Second); err != nil {
		return c, &Error{"Access token has expired or is not yet valid."}
	}
	return c, nil
}

// tenantKeys returns the public keys of a tenant, cached briefly.
func (t *Tokens) tenantKeys(ctx context.Context, tenantID string, refresh bool) (jose.JSONWebKeySet, error) {
	t.mu.Lock()
	e, ok := t.keys[tenantID]
	t.mu.Unlock()
	if ok && !refresh && t.now().Sub(e.fetched) < keyCacheTTL {
		return e.keys, nil
	}
	set, err := t.JWKS(ctx, tenantID)
	if err != nil {
		return set, err
	}
	t.mu.Lock()
	t.keys[tenantID] = keyCacheEntry{keys: set, fetched: t.now()}
	t.mu.Unlock()
	return set, nil
}

// JWKS returns a tenant's public verification keys.
func (t *Tokens) JWKS(ctx context.Context, tenantID string) (jose.JSONWebKeySet, error) {
	var set jose.JSONWebKeySet
	keys, err := t.dir.SigningKeys(ctx, tenantID)
	if err != nil {
		return set, err
	}
	for _, k := range keys {
		priv, err := t.parsed.get(k)
		if err != nil {
			return set, err
		}
		set.Keys = append(set.Keys, jose.JSONWebKey{Key: &priv.PublicKey, KeyID: k.KID, Algorithm: string(jose.RS256), Use: "sig"})
	}
	return set, nil
}

// clientIP returns the peer address of r (proxies are not trusted yet).
func clientIP(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}
