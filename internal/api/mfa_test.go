package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

// TestAuthenticatorApp: with security defaults (on for new tenants) an
// admin must register an authenticator app before anything else; after
// that, signing in takes a code; a code works once; recovery codes work
// once each; five wrong codes end the pending session.
func TestAuthenticatorApp(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	br := newBrowser(h)
	r := br.signIn("admin@"+a.domain, "Admin-Pass-1")
	if r.status != 200 || r.body["mfaEnrollmentRequired"] != true || r.body["mfaRequired"] != false {
		t.Fatalf("admin sign-in: %s", r.raw)
	}
	r = br.do("GET", "/v1.0/users", nil)
	if r.status != 403 || !strings.Contains(r.errMessage(), "authenticator app") {
		t.Fatalf("before enrolment: %d %s", r.status, r.raw)
	}
	csrf := []string{"X-CSRF-Token", br.csrf}
	r = br.do("POST", "/api/me/mfa/totp", nil, csrf...)
	h.want(r, 200, "")
	secret := r.body["secret"].(string)
	if !strings.HasPrefix(r.body["otpauthUrl"].(string), "otpauth://totp/") {
		t.Errorf("otpauth URL: %s", r.raw)
	}
	h.want(br.do("POST", "/api/me/mfa/totp/confirm", map[string]any{"code": "000000"}, csrf...), 400, "Request_BadRequest")
	code, _ := totp.GenerateCode(secret, time.Now())
	r = br.do("POST", "/api/me/mfa/totp/confirm", map[string]any{"code": code}, csrf...)
	h.want(r, 200, "")
	recovery := r.body["recoveryCodes"].([]any)
	if len(recovery) != 10 {
		t.Fatalf("recovery codes: %s", r.raw)
	}
	h.want(br.do("GET", "/v1.0/users", nil), 200, "") // the session is complete now
	h.wantAudit(a, "User registered security info", a.adminID)

	// The next sign-in needs a code; the one just used doesn't work again.
	br2 := newBrowser(h)
	r = br2.signIn("admin@"+a.domain, "Admin-Pass-1")
	if r.body["mfaRequired"] != true {
		t.Fatalf("sign-in with an app: %s", r.raw)
	}
	h.want(br2.do("GET", "/v1.0/me", nil), 403, "Authorization_RequestDenied")
	csrf2 := []string{"X-CSRF-Token", br2.csrf}
	h.want(br2.do("POST", "/api/signin/mfa", map[string]any{"code": code}, csrf2...), 400, "Request_BadRequest")
	h.want(br2.do("POST", "/api/signin/mfa", map[string]any{"code": recovery[0].(string)}, csrf2...), 200, "")
	h.want(br2.do("GET", "/v1.0/me", nil), 200, "")

	// A recovery code works once.
	br3 := newBrowser(h)
	br3.signIn("admin@"+a.domain, "Admin-Pass-1")
	csrf3 := []string{"X-CSRF-Token", br3.csrf}
	for i := 0; i < 4; i++ {
		h.want(br3.do("POST", "/api/signin/mfa", map[string]any{"code": recovery[0].(string)}, csrf3...), 400, "Request_BadRequest")
	}
	r = br3.do("POST", "/api/signin/mfa", map[string]any{"code": "123456"}, csrf3...)
	if r.status != 401 {
		t.Fatalf("fifth wrong code: %d %s", r.status, r.raw)
	}
	h.want(br3.do("GET", "/api/session", nil), 401, "InvalidAuthenticationToken")

	status := br.do("GET", "/api/me/mfa", nil)
	if status.body["authenticatorApp"] != true || status.body["recoveryCodesLeft"] != float64(9) {
		t.Errorf("MFA status: %s", status.raw)
	}
	// Removing the app takes a code.
	h.want(br.do("POST", "/api/me/mfa/totp/remove", map[string]any{"code": "999999"}, "X-CSRF-Token", br.csrf), 400, "Request_BadRequest")
	h.want(br.do("POST", "/api/me/mfa/totp/remove", map[string]any{"code": recovery[1].(string)}, "X-CSRF-Token", br.csrf), 204, "")

	// Members without a role are not asked to register.
	m := newBrowser(h)
	if r := m.signIn("member@"+a.domain, "Member-Pass-1"); r.body["mfaEnrollmentRequired"] != false {
		t.Errorf("member sign-in: %s", r.raw)
	}
}
