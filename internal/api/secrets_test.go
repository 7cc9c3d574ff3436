package api_test

import (
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// TestNoSecretInLogs runs the flows that handle secrets (typed and
// generated passwords, resets, sign-ins, tokens, session cookies, client
// secrets) and checks that none of them reaches the server's log or the
// audit log.
func TestNoSecretInLogs(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	u := h.newUser(a, "joep", map[string]any{"passwordProfile": map[string]any{"password": "Typed-Secret-42"}})
	r := h.do(a.adminTok, "POST", "/api/users/"+u.ID+"/resetPassword", map[string]any{"generate": true})
	generated := r.body["temporaryPassword"].(string)
	br := newBrowser(h)
	br.signIn("joep@"+a.domain, "Wrong-Secret-43")
	br.signIn("joep@"+a.domain, generated)
	h.do(a.memberTok, "POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": "Member-Pass-1", "newPassword": "Changed-Secret-44"})
	h.do(a.adminTok, "GET", "/v1.0/users?$filter=displayName%20eq%20'x'", nil)
	h.do("Bearer-garbage-secret", "GET", "/v1.0/me", nil)
	app := h.do(a.adminTok, "POST", "/v1.0/applications", map[string]any{"displayName": "Payroll"})
	clientSecret, _ := h.do(a.adminTok, "POST", "/v1.0/applications/"+app.body["id"].(string)+"/addPassword",
		map[string]any{"passwordCredential": map[string]any{"displayName": "ci"}}).body["secretText"].(string)
	if clientSecret == "" {
		t.Fatal("no client secret was issued; the check would miss it")
	}
	// An OpenID Connect sign-in: its code, tokens and client secret.
	rp := newRelyingParty(h, a, false)
	verifier := oauth2.GenerateVerifier()
	code, _ := rp.signIn(newOIDCBrowser(t), "member@"+a.domain, "Changed-Secret-44", oauth2.S256ChallengeOption(verifier))
	tok, err := rp.cfg.Exchange(rp.ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	audit := string(h.do(a.adminTok, "GET", "/v1.0/auditLogs/directoryAudits?$top=999", nil).raw)
	signIns := string(h.do(a.adminTok, "GET", "/v1.0/auditLogs/signIns?$top=999", nil).raw)
	logs := h.logs.String()
	if !strings.Contains(logs, "request") {
		t.Fatal("the server logged nothing; the check would be empty")
	}
	for _, secret := range []string{"Typed-Secret-42", generated, "Wrong-Secret-43", "Changed-Secret-44", "Member-Pass-1",
		"$argon2id", a.adminTok, a.memberTok, br.csrf, "Bearer-garbage-secret", clientSecret,
		code, tok.AccessToken, tok.RefreshToken, rp.cfg.ClientSecret, verifier} {
		for name, text := range map[string]string{"server log": logs, "audit log": audit, "sign-in log": signIns} {
			if strings.Contains(text, secret) {
				t.Errorf("the %s contains a secret (%.12s…)", name, secret)
			}
		}
	}
}
