package api_test

import (
	"net/http"
	"net/http/cookiejar"
	"strings"
	"testing"
)

// browser is a cookie-keeping HTTP client, like a browser's.
type browser struct {
	h    *harness
	c    *http.Client
	csrf string
}

func newBrowser(h *harness) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{h: h, c: &http.Client{Jar: jar}}
}

func (b *browser) do(method, path string, body any, headers ...string) response {
	b.h.t.Helper()
	hh := *b.h
	hh.client = b.c
	return hh.do("", method, path, body, headers...)
}

func (b *browser) signIn(user, pw string) response {
	b.h.t.Helper()
	r := b.do("POST", "/api/signin", map[string]any{"username": user, "password": pw})
	if tok, _ := r.body["csrfToken"].(string); tok != "" {
		b.csrf = tok
	}
	return r
}

func TestBrowserSession(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	br := newBrowser(h)

	// Wrong password, unknown user and unknown tenant look the same.
	for _, c := range [][2]string{{"member@" + a.domain, "Wrong-Pass-1"}, {"nobody@" + a.domain, "Member-Pass-1"}, {"x@nowhere.example", "Member-Pass-1"}} {
		r := br.signIn(c[0], c[1])
		if r.status != 401 || r.errCode() != "AADSTS50126" {
			t.Errorf("sign-in %s: %d %s", c[0], r.status, r.raw)
		}
	}
	h.want(br.do("GET", "/v1.0/me", nil), 401, "InvalidAuthenticationToken")

	r := br.signIn("member@"+a.domain, "Member-Pass-1")
	h.want(r, 200, "")
	if br.csrf == "" || r.body["isAdmin"] != false || r.body["mustChangePassword"] != false {
		t.Fatalf("sign-in response: %s", r.raw)
	}
	cookie := r.header.Get("Set-Cookie")
	if !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") || strings.Contains(cookie, "Member-Pass") {
		t.Errorf("cookie: %s", cookie)
	}
	me := br.do("GET", "/v1.0/me", nil)
	if me.status != 200 || me.body["id"] != a.memberID {
		t.Fatalf("/me with the session: %d %s", me.status, me.raw)
	}
	// Unsafe requests need the CSRF token, and a same-site origin.
	change := map[string]any{"currentPassword": "Member-Pass-1", "newPassword": "Browser-New-9"}
	h.want(br.do("POST", "/v1.0/me/changePassword", change), 403, "Authorization_RequestDenied")
	h.want(br.do("POST", "/v1.0/me/changePassword", change, "X-CSRF-Token", "forged"), 403, "Authorization_RequestDenied")
	h.want(br.do("POST", "/v1.0/me/changePassword", change, "X-CSRF-Token", br.csrf, "Origin", "https://evil.example"), 403, "Authorization_RequestDenied")
	h.want(br.do("POST", "/v1.0/me/changePassword", change, "X-CSRF-Token", br.csrf, "Origin", h.url), 204, "")
	s := br.do("GET", "/api/session", nil)
	if s.body["csrfToken"] != br.csrf || s.body["userPrincipalName"] != "member@"+a.domain {
		t.Errorf("session: %s", s.raw)
	}

	// Sign-out ends the session.
	h.want(br.do("POST", "/api/signout", nil, "X-CSRF-Token", br.csrf), 204, "")
	h.want(br.do("GET", "/v1.0/me", nil), 401, "InvalidAuthenticationToken")

	// Sign-out everywhere ends every session of the user.
	other := newBrowser(h)
	h.want(br.signIn("member@"+a.domain, "Browser-New-9"), 200, "")
	h.want(other.signIn("member@"+a.domain, "Browser-New-9"), 200, "")
	h.want(br.do("POST", "/api/signout/everywhere", nil, "X-CSRF-Token", br.csrf), 204, "")
	h.want(other.do("GET", "/v1.0/me", nil), 401, "InvalidAuthenticationToken")

	// An admin reset and a block end the user's sessions at once.
	h.want(other.signIn("member@"+a.domain, "Browser-New-9"), 200, "")
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/users/"+a.memberID, map[string]any{"passwordProfile": map[string]any{"password": "Admin-Set-55", "forceChangePasswordNextSignIn": true}}), 204, "")
	h.want(other.do("GET", "/v1.0/me", nil), 401, "InvalidAuthenticationToken")

	// A temporary password opens only the password change.
	r = other.signIn("member@"+a.domain, "Admin-Set-55")
	if r.status != 200 || r.body["mustChangePassword"] != true {
		t.Fatalf("sign-in with a temporary password: %s", r.raw)
	}
	h.want(other.do("GET", "/v1.0/users", nil), 403, "Authorization_RequestDenied")
	h.want(other.do("GET", "/api/session", nil), 200, "")
	h.want(other.do("POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": "Admin-Set-55", "newPassword": "Own-Choice-66"},
		"X-CSRF-Token", other.csrf), 204, "")
	h.want(other.do("GET", "/v1.0/users", nil), 200, "")

	// A bearer token is not bound to the session rules: no CSRF needed.
	h.want(h.do(a.memberTok, "GET", "/api/session", nil), 200, "")
	log := h.do(a.adminTok, "GET", "/v1.0/auditLogs/signIns?$filter=appDisplayName%20eq%20'Atrium%20admin%20center'", nil)
	if n := len(log.body["value"].([]any)); n < 6 {
		t.Errorf("sign-in log has %d admin center sign-ins: %s", n, log.raw)
	}
}
