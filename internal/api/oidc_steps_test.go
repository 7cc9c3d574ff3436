package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/pquerna/otp/totp"
	"golang.org/x/oauth2"
)

// TestOpenIDConnectSignInSteps runs the sign-in page's later steps: the
// authenticator app code, the registration security defaults demand, and
// the password change a temporary password requires.
func TestOpenIDConnectSignInSteps(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	rp := newRelyingParty(h, a, false)

	// An admin without an authenticator app is told to register one first.
	br := newOIDCBrowser(t)
	p := br.submit(br.get(rp.cfg.AuthCodeURL("s")), "password", map[string]string{"username": "admin@" + a.domain, "password": "Admin-Pass-1"})
	if p.location != nil || !strings.Contains(p.body, "requires an authenticator app") {
		t.Fatalf("admin without MFA: %v %s", p.location, p.body)
	}

	// Register one through the API, then sign in with a code.
	api := newBrowser(h)
	api.signIn("admin@"+a.domain, "Admin-Pass-1")
	csrf := []string{"X-CSRF-Token", api.csrf}
	secret := api.do("POST", "/api/me/mfa/totp", nil, csrf...).body["secret"].(string)
	code, _ := totp.GenerateCode(secret, time.Now())
	recovery := api.do("POST", "/api/me/mfa/totp/confirm", map[string]any{"code": code}, csrf...).body["recoveryCodes"].([]any)

	br = newOIDCBrowser(t)
	verifier := oauth2.GenerateVerifier()
	p = br.submit(br.get(rp.cfg.AuthCodeURL("s", oauth2.S256ChallengeOption(verifier))), "password",
		map[string]string{"username": "admin@" + a.domain, "password": "Admin-Pass-1"})
	if !strings.Contains(p.body, `name="code"`) || !strings.Contains(p.body, `name="csrf_token"`) {
		t.Fatalf("MFA step: %s", p.body)
	}
	wrong := br.submit(p, "mfa", map[string]string{"code": "000000"})
	if !strings.Contains(wrong.body, "That code didn&#39;t work") || wrong.location != nil {
		t.Fatalf("wrong code: %s", wrong.body)
	}
	// Without the CSRF token the step is refused.
	stripped := wrong
	stripped.body = strings.ReplaceAll(wrong.body, `name="csrf_token"`, `name="other"`)
	noCSRF := br.submit(stripped, "mfa", map[string]string{"code": recovery[0].(string)})
	if noCSRF.location != nil {
		t.Fatal("the MFA step passed without the CSRF token")
	}
	done := br.submit(wrong, "mfa", map[string]string{"code": recovery[0].(string)})
	if done.location == nil || done.location.Query().Get("code") == "" {
		t.Fatalf("after the code: %d %s", done.status, done.body)
	}
	tok, err := rp.cfg.Exchange(rp.ctx, done.location.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	idt, err := rp.provider.Verifier(&oidc.Config{ClientID: rp.cfg.ClientID}).Verify(rp.ctx, tok.Extra("id_token").(string))
	if err != nil {
		t.Fatal(err)
	}
	var claims struct {
		AMR  []string `json:"amr"`
		Name string   `json:"name"`
	}
	if err := idt.Claims(&claims); err != nil || strings.Join(claims.AMR, " ") != "pwd mfa" || claims.Name == "" {
		t.Fatalf("amr after MFA: %+v %v", claims, err)
	}
	if c, err := h.app.Tokens.Verify(bg, tok.AccessToken); err != nil || len(c.WIDs) == 0 || c.ObjectID != a.adminID {
		t.Fatalf("the admin's access token: %+v %v", c, err)
	}

	// A temporary password must be changed on the page first.
	r := h.do(a.adminTok, "POST", "/api/users/"+a.memberID+"/resetPassword", map[string]any{"generate": true, "forceChangePasswordNextSignIn": true})
	temp := r.body["temporaryPassword"].(string)
	br = newOIDCBrowser(t)
	p = br.submit(br.get(rp.cfg.AuthCodeURL("s")), "password", map[string]string{"username": "member@" + a.domain, "password": temp})
	if !strings.Contains(p.body, `name="new"`) {
		t.Fatalf("change step: %s", p.body)
	}
	p = br.submit(p, "change", map[string]string{"current": temp, "new": "Fresh-Pass-77", "confirm": "Fresh-Pass-78"})
	if !strings.Contains(p.body, "don&#39;t match") {
		t.Fatalf("mismatch: %s", p.body)
	}
	p = br.submit(p, "change", map[string]string{"current": temp, "new": "short", "confirm": "short"})
	if p.location != nil || !strings.Contains(p.body, "class=\"error\"") {
		t.Fatalf("a weak password: %s", p.body)
	}
	p = br.submit(p, "change", map[string]string{"current": temp, "new": "Fresh-Pass-77", "confirm": "Fresh-Pass-77"})
	if p.location == nil || p.location.Query().Get("code") == "" {
		t.Fatalf("after the change: %d %s", p.status, p.body)
	}
}
