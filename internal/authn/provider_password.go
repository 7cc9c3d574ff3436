package authn

import (
	"context"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// PasswordGrant is the resource-owner password grant (RFC 6749 §4.3),
// which op doesn't offer: a client sends the user's name and password
// itself. Like Entra, Atrium allows it only for public clients that allow
// public client flows (isFallbackPublicClient) and the built-in CLI
// client. It is the weakest flow: it can't do a second factor, so users
// who need one are refused (AADSTS50076) and must use a browser or the
// device code. Wrong password, unknown user and locked account give the
// caller the same answer. The tokens are op's, as for every other grant.
func (p *Provider) PasswordGrant(ctx context.Context, tenantID, clientID, username, password, scope, ip string) (*oidc.AccessTokenResponse, error) {
	s := &storage{p: p, tenantID: tenantID}
	cl, name, err := s.passwordClient(ctx, clientID)
	if err != nil {
		return nil, err
	}
	// A partner's user signs in at the customer's authority with their own
	// account: their home tenant's password, lockout and MFA rules apply.
	home, ok := p.dir.PartnerHome(ctx, tenantID, username)
	if !ok {
		home = tenantID
	}
	res, err := p.dir.SignIn(ctx, home, username, password, ip, name)
	if de, ok := directory.AsError(err); ok && de.Kind == directory.KindUnauthenticated {
		return nil, oidc.ErrInvalidGrant().WithDescription("AADSTS50126: Error validating credentials due to invalid username or password.")
	} else if err != nil {
		return nil, err
	}
	stage, err := p.dir.SecondFactorStage(ctx, home, res.User.ID)
	if err != nil {
		return nil, err
	}
	if stage != directory.StageComplete {
		return nil, oidc.ErrInvalidGrant().WithDescription("AADSTS50076: This account must use multi-factor authentication; sign in with a browser or the device code (atrium login).")
	}
	pr, err := p.dir.LoadPrincipal(ctx, tenantID, res.User.ID)
	if home != tenantID && (directory.KindOf(err) == directory.KindDenied || directory.KindOf(err) == directory.KindUnauthenticated) {
		return nil, oidc.ErrInvalidGrant().WithDescription("AADSTS50020: Your account %s has no delegated admin access to this organization.", username)
	}
	if err != nil {
		return nil, err
	}
	if pr.MustChangePassword {
		return nil, oidc.ErrInvalidGrant().WithDescription("AADSTS50055: The password must be changed first; sign in with a browser.")
	}
	req := &authRequest{a: directory.AuthRequest{ID: uuid.NewString(), UserID: res.User.ID, Spec: directory.AuthRequestSpec{
		ClientID: clientID, Scopes: strings.Fields(scope), ResponseType: string(oidc.ResponseTypeCode),
		AuthTime: p.dir.Now(), AMR: []string{"pwd"}}}}
	o, err := p.opFor(tenantID)
	if err != nil {
		return nil, err
	}
	return op.CreateTokenResponse(op.ContextWithIssuer(ctx, p.Issuer(tenantID)), req, cl, o, true, "", "")
}

// passwordClient returns the client of a password grant, refusing those
// that don't allow public client flows.
func (s *storage) passwordClient(ctx context.Context, clientID string) (op.Client, string, error) {
	if clientID == CLIClientID {
		return cliClient(s.loginURL), "Atrium CLI", nil
	}
	a, err := s.p.dir.ClientApplication(ctx, s.tenantID, clientID)
	if err != nil {
		return nil, "", oidc.ErrInvalidClient().WithDescription("AADSTS700016: Application with identifier '%s' was not found in the directory.", clientID)
	}
	if !a.Spec.IsFallbackPublicClient {
		return nil, "", oidc.ErrUnauthorizedClient().WithDescription("AADSTS7000218: The password grant needs an app that allows public client flows (isFallbackPublicClient).")
	}
	return appClient(&a, s.loginURL), a.DisplayName, nil
}
