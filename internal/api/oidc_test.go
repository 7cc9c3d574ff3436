package api_test

import (
	"context"
	"errors"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// relyingParty is a web app registered in a tenant, using go-oidc and
// x/oauth2 (code this project didn't write) against Atrium.
type relyingParty struct {
	h        *harness
	provider *oidc.Provider
	cfg      oauth2.Config
	ctx      context.Context
}

const rpRedirect = "http://localhost:9/callback" // never contacted: the test browser stops there

func newRelyingParty(h *harness, tn *tenant, public bool) *relyingParty {
	h.t.Helper()
	body := map[string]any{"displayName": "RP", "web": map[string]any{"redirectUris": []string{rpRedirect}}}
	if public {
		body = map[string]any{"displayName": "RP", "isFallbackPublicClient": true, "publicClient": map[string]any{"redirectUris": []string{rpRedirect}}}
	}
	app := h.do(tn.adminTok, "POST", "/v1.0/applications", body)
	h.want(app, 201, "")
	rp := &relyingParty{h: h, ctx: oidc.ClientContext(bg, &http.Client{})}
	rp.cfg = oauth2.Config{ClientID: app.body["appId"].(string), RedirectURL: rpRedirect,
		Scopes: []string{oidc.ScopeOpenID, "profile", "email", oidc.ScopeOfflineAccess}}
	if !public {
		sec := h.do(tn.adminTok, "POST", "/v1.0/applications/"+app.body["id"].(string)+"/addPassword", map[string]any{"passwordCredential": map[string]any{}})
		rp.cfg.ClientSecret = sec.body["secretText"].(string)
	}
	var err error
	if rp.provider, err = oidc.NewProvider(rp.ctx, h.url+"/"+tn.id+"/v2.0"); err != nil {
		h.t.Fatalf("discovery: %v", err)
	}
	rp.cfg.Endpoint = rp.provider.Endpoint()
	return rp
}

// browser follows redirects with a cookie jar, as a browser would, and
// stops at the relying party's redirect URI.
type oidcBrowser struct {
	t      *testing.T
	client *http.Client
}

func newOIDCBrowser(t *testing.T) *oidcBrowser {
	jar, _ := cookiejar.New(nil)
	return &oidcBrowser{t: t, client: &http.Client{Jar: jar, CheckRedirect: func(req *http.Request, _ []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), rpRedirect) {
			return http.ErrUseLastResponse
		}
		return nil
	}}}
}

var hiddenField = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)

// page is where the browser is: a sign-in page or the app's callback.
type page struct {
	status   int
	url      *url.URL
	body     string
	location *url.URL // the app's callback, when reached
}

func (b *oidcBrowser) get(u string) page {
	b.t.Helper()
	resp, err := b.client.Get(u)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.read(resp)
}

func (b *oidcBrowser) read(resp *http.Response) page {
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	p := page{status: resp.StatusCode, url: resp.Request.URL, body: string(raw)}
	if loc := resp.Header.Get("Location"); loc != "" && resp.StatusCode/100 == 3 {
		p.location, _ = url.Parse(loc)
	}
	return p
}

// submit posts the page's form with the given fields.
func (b *oidcBrowser) submit(p page, step string, fields map[string]string) page {
	b.t.Helper()
	hidden := hiddenField.FindAllStringSubmatch(p.body, -1)
	if hidden == nil {
		b.t.Fatalf("no sign-in form at %s (%d): %s", p.url, p.status, p.body)
	}
	form := url.Values{}
	for _, m := range hidden {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	form.Set("step", step)
	for k, v := range fields {
		form.Set(k, v)
	}
	resp, err := b.client.PostForm(p.url.String(), form)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.read(resp)
}

// signIn runs the authorization request through the sign-in page and
// returns the code the app receives.
func (rp *relyingParty) signIn(b *oidcBrowser, user, pw string, opts ...oauth2.AuthCodeOption) (code, state string) {
	rp.h.t.Helper()
	p := b.get(rp.cfg.AuthCodeURL("state-1", opts...))
	if p.location == nil {
		p = b.submit(p, "password", map[string]string{"username": user, "password": pw})
	}
	if p.location == nil {
		rp.h.t.Fatalf("no redirect to the app; at %s (%d): %s", p.url, p.status, p.body)
	}
	if e := p.location.Query().Get("error"); e != "" {
		rp.h.t.Fatalf("authorization error %s: %s", e, p.location.Query().Get("error_description"))
	}
	return p.location.Query().Get("code"), p.location.Query().Get("state")
}

func TestOpenIDConnectCodeFlow(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	rp := newRelyingParty(h, a, false)
	verifier := oauth2.GenerateVerifier()
	br := newOIDCBrowser(t)

	// A wrong password shows the page again, with the same words as an
	// unknown user.
	p := br.get(rp.cfg.AuthCodeURL("state-1", oauth2.S256ChallengeOption(verifier), oidc.Nonce("n-1")))
	if p.status != 200 || !strings.Contains(p.body, `name="password"`) || p.url.Path != "/"+a.id+"/oauth2/v2.0/signin" {
		t.Fatalf("sign-in page: %d %s %s", p.status, p.url, p.body)
	}
	wrong := br.submit(p, "password", map[string]string{"username": "member@" + a.domain, "password": "Wrong-Pass-1"})
	unknown := br.submit(p, "password", map[string]string{"username": "nobody@" + a.domain, "password": "Wrong-Pass-1"})
	if !strings.Contains(wrong.body, "Your account or password is incorrect.") ||
		strings.ReplaceAll(wrong.body, "member@", "nobody@") != unknown.body {
		t.Fatalf("wrong password page differs from unknown user page:\n%s\n%s", wrong.body, unknown.body)
	}
	// A user of another tenant can't sign in here.
	other := br.submit(p, "password", map[string]string{"username": "member@" + b.domain, "password": "Member-Pass-1"})
	if !strings.Contains(other.body, "Your account or password is incorrect.") {
		t.Fatalf("another tenant's user: %s", other.body)
	}

	code, state := rp.signIn(br, "member@"+a.domain, "Member-Pass-1", oauth2.S256ChallengeOption(verifier), oidc.Nonce("n-1"))
	if code == "" || state != "state-1" {
		t.Fatalf("code %q state %q", code, state)
	}
	if _, err := rp.cfg.Exchange(rp.ctx, code, oauth2.VerifierOption("the-wrong-verifier-the-wrong-verifier-12345")); !isOAuthError(err, "invalid_grant") {
		t.Fatalf("exchange with a wrong PKCE verifier: %v", err)
	}
	tok, err := rp.cfg.Exchange(rp.ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	if _, err := rp.cfg.Exchange(rp.ctx, code, oauth2.VerifierOption(verifier)); !isOAuthError(err, "invalid_grant") {
		t.Fatalf("a code used twice: %v", err)
	}
	rawID, _ := tok.Extra("id_token").(string)
	idt, err := rp.provider.Verifier(&oidc.Config{ClientID: rp.cfg.ClientID}).Verify(rp.ctx, rawID)
	if err != nil {
		t.Fatalf("id token: %v", err)
	}
	var claims struct {
		Nonce, Name, TID, OID, PreferredUsername string
	}
	var all map[string]any
	_ = idt.Claims(&all)
	claims.Nonce, _ = all["nonce"].(string)
	claims.TID, _ = all["tid"].(string)
	claims.PreferredUsername, _ = all["preferred_username"].(string)
	if idt.Subject != a.memberID || claims.Nonce != "n-1" || claims.TID != a.id || claims.PreferredUsername != "member@"+a.domain ||
		idt.Issuer != h.url+"/"+a.id+"/v2.0" {
		t.Fatalf("id token claims: %v", all)
	}
	// Tenant B's keys and issuer don't accept it.
	bProvider, err := oidc.NewProvider(rp.ctx, h.url+"/"+b.id+"/v2.0")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bProvider.Verifier(&oidc.Config{ClientID: rp.cfg.ClientID}).Verify(rp.ctx, rawID); err == nil {
		t.Fatal("tenant B's provider accepted tenant A's ID token")
	}

	// The access token works on the Graph API and at userinfo.
	me := h.do(tok.AccessToken, "GET", "/v1.0/me", nil)
	h.want(me, 200, "")
	if me.body["id"] != a.memberID {
		t.Fatalf("/me with the OIDC access token: %s", me.raw)
	}
	info, err := rp.provider.UserInfo(rp.ctx, oauth2.StaticTokenSource(tok))
	if err != nil || info.Subject != a.memberID || info.Email != "member@"+a.domain {
		t.Fatalf("userinfo: %+v %v", info, err)
	}
	h.want(h.do(tok.AccessToken, "GET", "/v1.0/users/"+b.memberID, nil), 404, "Request_ResourceNotFound")

	// Refresh rotates; the old refresh token then revokes the family.
	if tok.RefreshToken == "" {
		t.Fatal("no refresh token for offline_access")
	}
	next, err := rp.cfg.TokenSource(rp.ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
	if err != nil || next.RefreshToken == "" || next.RefreshToken == tok.RefreshToken || next.AccessToken == "" {
		t.Fatalf("refresh: %v %+v", err, next)
	}
	if _, err := rp.cfg.TokenSource(rp.ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token(); !isOAuthError(err, "invalid_grant") {
		t.Fatalf("reusing a rotated refresh token: %v", err)
	}
	if _, err := rp.cfg.TokenSource(rp.ctx, &oauth2.Token{RefreshToken: next.RefreshToken}).Token(); !isOAuthError(err, "invalid_grant") {
		t.Fatalf("the family's newest refresh token survived reuse: %v", err)
	}

	// The browser session signs the user in to the next app without a form.
	code2, _ := newRelyingParty(h, a, false).signIn(br, "", "")
	if code2 == "" {
		t.Fatal("single sign-on gave no code")
	}

	// A wrong client secret, or none, is refused.
	code3, _ := rp.signIn(br, "", "")
	for _, secret := range []string{"not-the-secret", ""} {
		bad := rp.cfg
		bad.ClientSecret = secret
		if _, err := bad.Exchange(rp.ctx, code3); !isOAuthError(err, "invalid_client") {
			t.Fatalf("client secret %q: %v", secret, err)
		}
	}
}

// TestOpenIDConnectPublicClient signs in a public client (no secret),
// which must use PKCE.
func TestOpenIDConnectPublicClient(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	rp := newRelyingParty(h, a, true)
	br := newOIDCBrowser(t)
	code, _ := rp.signIn(br, "member@"+a.domain, "Member-Pass-1")
	if _, err := rp.cfg.Exchange(rp.ctx, code); !isOAuthError(err, "invalid_request") {
		t.Fatalf("a public client without PKCE: %v", err)
	}
	verifier := oauth2.GenerateVerifier()
	code, _ = rp.signIn(br, "", "", oauth2.S256ChallengeOption(verifier))
	if _, err := rp.cfg.Exchange(rp.ctx, code, oauth2.VerifierOption(verifier)); err != nil {
		t.Fatalf("public client with PKCE: %v", err)
	}
	// plain PKCE is refused at authorize.
	p := br.get(rp.cfg.AuthCodeURL("s", oauth2.SetAuthURLParam("code_challenge", verifier), oauth2.SetAuthURLParam("code_challenge_method", "plain")))
	if p.location == nil || p.location.Query().Get("error") != "invalid_request" {
		t.Fatalf("plain PKCE: %d %v %s", p.status, p.location, p.body)
	}
	// An unknown tenant answers AADSTS90002.
	r := h.do("", "GET", "/nowhere.example/v2.0/.well-known/openid-configuration", nil)
	if r.status != 400 || !strings.Contains(string(r.raw), "AADSTS90002") {
		t.Fatalf("unknown tenant: %d %s", r.status, r.raw)
	}
}

func isOAuthError(err error, code string) bool {
	var re *oauth2.RetrieveError
	return errors.As(err, &re) && re.ErrorCode == code
}
