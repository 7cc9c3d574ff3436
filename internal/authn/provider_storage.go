package authn

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"math/big"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/go-jose/go-jose/v4"
	"github.com/google/uuid"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// storage implements op.Storage for one tenant on the directory service.
type storage struct {
	p        *Provider
	tenantID string
}

var _ op.Storage = (*storage)(nil)

// tokenHash is the stored form of an authorization code or refresh token:
// both carry at least 128 random bits, so a fast hash keeps them safe at
// rest and lookups cheap.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte("atrium oidc\x00" + token))
	return hex.EncodeToString(sum[:])
}

func (s *storage) loginURL(id string) string { return s.p.SignInURL(s.tenantID, id) }

func (s *storage) CreateAuthRequest(ctx context.Context, r *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	if r.CodeChallenge != "" && r.CodeChallengeMethod != oidc.CodeChallengeMethodS256 {
		return nil, oidc.ErrInvalidRequest().WithDescription("code_challenge_method must be S256; plain PKCE protects nothing.")
	}
	a, err := s.p.dir.CreateAuthRequest(ctx, s.tenantID, directory.AuthRequestSpec{
		ClientID: r.ClientID, RedirectURI: r.RedirectURI, Scopes: r.Scopes, State: r.State, Nonce: r.Nonce,
		ResponseType: string(r.ResponseType), ResponseMode: string(r.ResponseMode),
		CodeChallenge: r.CodeChallenge, CodeChallengeMethod: string(r.CodeChallengeMethod)})
	if err != nil {
		return nil, err
	}
	return &authRequest{a}, nil
}

func (s *storage) AuthRequestByID(ctx context.Context, id string) (op.AuthRequest, error) {
	if _, err := uuid.Parse(id); err != nil {
		return nil, directory.NotFound(id)
	}
	a, err := s.p.dir.AuthRequest(ctx, s.tenantID, id)
	if err != nil {
		return nil, err
	}
	return &authRequest{a}, nil
}

func (s *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	a, err := s.p.dir.AuthRequestByCode(ctx, s.tenantID, tokenHash(code))
	if err != nil {
		return nil, err
	}
	return &authRequest{a}, nil
}

func (s *storage) SaveAuthCode(ctx context.Context, id, code string) error {
	return s.p.dir.SetAuthCode(ctx, s.tenantID, id, tokenHash(code))
}

func (s *storage) DeleteAuthRequest(ctx context.Context, id string) error {
	return s.p.dir.DeleteAuthRequest(ctx, s.tenantID, id)
}

// accessTokenLifetime is chosen at random between 60 and 90 minutes per
// token, as Entra does, so that a crowd of clients doesn't refresh at once.
func accessTokenLifetime() time.Duration {
	n, err := rand.Int(rand.Reader, big.NewInt(30*60))
	if err != nil {
		return time.Hour
	}
	return time.Hour + time.Duration(n.Int64())*time.Second
}

func (s *storage) CreateAccessToken(context.Context, op.TokenRequest) (string, time.Time, error) {
	return uuid.NewString(), time.Now().Add(accessTokenLifetime()), nil
}

func (s *storage) CreateAccessAndRefreshTokens(ctx context.Context, req op.TokenRequest, current string) (string, string, time.Time, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", "", time.Time{}, err
	}
	value := base64.RawURLEncoding.EncodeToString(raw)
	rt := directory.RefreshToken{ID: tokenHash(value), UserID: req.GetSubject(), Spec: directory.RefreshSpec{Scopes: req.GetScopes()}}
	switch r := req.(type) {
	case *authRequest:
		rt.ClientID, rt.Spec.AuthTime, rt.Spec.AMR = r.GetClientID(), r.GetAuthTime(), r.GetAMR()
	case *refreshRequest:
		rt.ClientID, rt.Spec.AuthTime, rt.Spec.AMR = r.GetClientID(), r.GetAuthTime(), r.GetAMR()
	case *op.DeviceAuthorizationState:
		rt.ClientID, rt.Spec.AuthTime, rt.Spec.AMR = r.GetClientID(), r.GetAuthTime(), r.GetAMR()
	default:
		return "", "", time.Time{}, errors.New("refresh tokens come only from sign-ins")
	}
	oldID := ""
	if current != "" {
		oldID = tokenHash(current)
	}
	if err := s.p.dir.IssueRefreshToken(ctx, s.tenantID, oldID, &rt); err != nil {
		if errors.Is(err, directory.ErrRefreshReused) || directory.KindOf(err) == directory.KindNotFound {
			return "", "", time.Time{}, oidc.ErrInvalidGrant().WithDescription("The refresh token was revoked or used already; sign in again.")
		}
		return "", "", time.Time{}, err
	}
	return uuid.NewString(), value, time.Now().Add(accessTokenLifetime()), nil
}

func (s *storage) TokenRequestByRefreshToken(ctx context.Context, token string) (op.RefreshTokenRequest, error) {
	r, err := s.p.dir.RefreshToken(ctx, s.tenantID, tokenHash(token))
	if err != nil {
		return nil, err
	}
	if _, err := s.p.dir.LoadPrincipal(ctx, s.tenantID, r.UserID); err != nil {
		return nil, err // blocked or deleted since
	}
	return &refreshRequest{r: r, scopes: r.Spec.Scopes}, nil
}

// TerminateSession has nothing to do: the API layer ends the browser
// session at the logout endpoint before op answers.
func (s *storage) TerminateSession(context.Context, string, string) error { return nil }

// RevokeToken revokes a refresh token, which op hands over by the id
// GetRefreshTokenInfo gave (its hash), with its whole family. Access tokens
// are JWTs and can't be revoked one by one.
func (s *storage) RevokeToken(ctx context.Context, tokenOrID, userID, clientID string) *oidc.Error {
	if r, err := s.p.dir.RefreshToken(ctx, s.tenantID, tokenOrID); err == nil || errors.Is(err, directory.ErrRefreshReused) {
		if r.ClientID != clientID {
			return nil // RFC 7009: another client's token is left alone, without saying so
		}
		if err := s.p.dir.RevokeRefreshFamily(ctx, s.tenantID, r.ID); err != nil && directory.KindOf(err) != directory.KindNotFound {
			return oidc.ErrServerError()
		}
		return nil
	}
	if userID != "" {
		return &oidc.Error{ErrorType: "unsupported_token_type", // RFC 7009 §2.2.1
			Description: "Access tokens can't be revoked; they are short-lived and every call checks the account."}
	}
	return nil // RFC 7009: an unknown token is not an error
}

func (s *storage) GetRefreshTokenInfo(ctx context.Context, clientID, token string) (string, string, error) {
	r, err := s.p.dir.RefreshToken(ctx, s.tenantID, tokenHash(token))
	if err != nil || r.ClientID != clientID {
		return "", "", op.ErrInvalidRefreshToken
	}
	return r.UserID, r.ID, nil
}

func (s *storage) SigningKey(ctx context.Context) (op.SigningKey, error) {
	key, err := s.p.dir.SigningKey(ctx, s.tenantID)
	if err != nil {
		return nil, err
	}
	priv, err := s.p.tokens.parsed.get(key)
	if err != nil {
		return nil, err
	}
	return &signingKey{id: key.KID, key: priv}, nil
}

func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

func (s *storage) KeySet(ctx context.Context) ([]op.Key, error) {
	keys, err := s.p.dir.SigningKeys(ctx, s.tenantID)
	if err != nil {
		return nil, err
	}
	out := make([]op.Key, 0, len(keys))
	for _, k := range keys {
		priv, err := s.p.tokens.parsed.get(k)
		if err != nil {
			return nil, err
		}
		out = append(out, &publicKey{id: k.KID, key: &priv.PublicKey})
	}
	return out, nil
}

func (s *storage) GetClientByClientID(ctx context.Context, clientID string) (op.Client, error) {
	if clientID == CLIClientID {
		return cliClient(s.loginURL), nil
	}
	a, err := s.p.dir.ClientApplication(ctx, s.tenantID, clientID)
	if err != nil {
		return nil, err
	}
	return appClient(&a, s.loginURL), nil
}

func (s *storage) AuthorizeClientIDSecret(ctx context.Context, clientID, secret string) error {
	a, err := s.p.dir.ClientApplication(ctx, s.tenantID, clientID)
	if err != nil {
		return err
	}
	return s.p.dir.CheckClientSecret(&a, secret)
}

// SetUserinfoFromScopes is deprecated in op; SetUserinfoFromRequest does
// the work.
func (s *storage) SetUserinfoFromScopes(context.Context, *oidc.UserInfo, string, string, []string) error {
	return nil
}

func (s *storage) SetUserinfoFromRequest(ctx context.Context, info *oidc.UserInfo, req op.IDTokenRequest, scopes []string) error {
	return s.userinfo(ctx, info, req.GetSubject(), scopes)
}

func (s *storage) SetUserinfoFromToken(ctx context.Context, info *oidc.UserInfo, _, subject, _ string) error {
	return s.userinfo(ctx, info, subject, []string{oidc.ScopeOpenID, oidc.ScopeProfile, oidc.ScopeEmail})
}

// userinfo fills the claims the scopes ask for, with Entra's names.
func (s *storage) userinfo(ctx context.Context, info *oidc.UserInfo, userID string, scopes []string) error {
	p, err := s.p.dir.LoadPrincipal(ctx, s.tenantID, userID)
	if err != nil {
		return err
	}
	for _, sc := range scopes {
		switch sc {
		case oidc.ScopeOpenID:
			info.Subject = p.UserID
			info.AppendClaims("tid", s.tenantID)
			info.AppendClaims("oid", p.UserID)
		case oidc.ScopeProfile:
			info.Name = p.DisplayName
			info.PreferredUsername = p.UPN
		case oidc.ScopeEmail:
			info.Email = p.UPN // the sign-in name is the address mail reaches
		}
	}
	return nil
}

func (s *storage) SetIntrospectionFromToken(ctx context.Context, resp *oidc.IntrospectionResponse, _, subject, clientID string) error {
	p, err := s.p.dir.LoadPrincipal(ctx, s.tenantID, subject)
	if err != nil {
		return err
	}
	resp.Active = true
	resp.Subject, resp.ClientID, resp.Username = p.UserID, clientID, p.UPN
	return nil
}

func (s *storage) GetPrivateClaimsFromScopes(ctx context.Context, userID, clientID string, _ []string) (map[string]any, error) {
	p, err := s.p.dir.LoadPrincipal(ctx, s.tenantID, userID)
	if err != nil {
		return nil, err
	}
	c := accessClaims(p, s.tenantID, clientID)
	if p.Partner != nil { // a partner's user: the identity provider is their home tenant
		c["idp"] = s.p.Issuer(p.Partner.TenantID)
	}
	return c, nil
}

// accessClaims are the Entra claims of a user's access token.
func accessClaims(p authz.Principal, tenantID, clientID string) map[string]any {
	uti := make([]byte, 16)
	_, _ = rand.Read(uti)
	c := map[string]any{"tid": tenantID, "oid": p.UserID, "upn": p.UPN, "preferred_username": p.UPN, "name": p.DisplayName,
		"scp": "Directory.AccessAsUser.All", "azp": clientID, "ver": "2.0", "uti": base64.RawURLEncoding.EncodeToString(uti)}
	if w := roleTemplateIDs(p); len(w) > 0 {
		c["wids"] = w
	}
	return c
}

func (s *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errors.New("JWT client authentication is not supported")
}

func (s *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errors.New("the JWT profile grant is not supported")
}

func (s *storage) Health(context.Context) error { return nil }
