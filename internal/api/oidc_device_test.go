package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authn"
	"golang.org/x/oauth2"
)

// pollOnce asks the token endpoint once for a device code's tokens and
// returns the OAuth error code ("" when tokens came).
func pollOnce(t *testing.T, tokenURL, deviceCode string) string {
	t.Helper()
	resp, err := http.PostForm(tokenURL, url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:device_code"},
		"client_id": {authn.CLIClientID}, "device_code": {deviceCode}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Error string `json:"error"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return body.Error
}

// TestDeviceCodeFlow signs the CLI's public client in with the device
// code flow (RFC 8628) driven by x/oauth2: the device polls while its user
// enters the code in a browser, signs in and confirms.
func TestDeviceCodeFlow(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	base := h.url + "/" + a.id + "/oauth2/v2.0"
	cfg := oauth2.Config{ClientID: authn.CLIClientID, Scopes: []string{"openid", "profile", "offline_access"},
		Endpoint: oauth2.Endpoint{DeviceAuthURL: base + "/devicecode", TokenURL: base + "/token", AuthStyle: oauth2.AuthStyleInParams}}
	ctx := context.Background()
	da, err := cfg.DeviceAuth(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if da.VerificationURI != h.url+"/"+a.id+"/devicelogin" || len(da.UserCode) != 9 || da.Interval != 5 || time.Until(da.Expiry) < 14*time.Minute {
		t.Fatalf("device authorization: %+v", da)
	}
	if e := pollOnce(t, cfg.Endpoint.TokenURL, da.DeviceCode); e != "authorization_pending" {
		t.Fatalf("poll before the user acts: %q", e)
	}

	br := newOIDCBrowser(t)
	p := br.get(da.VerificationURI + "?user_code=WRONG-CODE")
	if !strings.Contains(p.body, "isn&#39;t valid or has expired") {
		t.Fatalf("a wrong user code: %s", p.body)
	}
	// The code typed in lower case without its dash still works.
	p = br.get(da.VerificationURI + "?user_code=" + strings.ToLower(strings.ReplaceAll(da.UserCode, "-", "")))
	if !strings.Contains(p.body, `name="device"`) || !strings.Contains(p.body, `name="password"`) {
		t.Fatalf("sign-in for the device: %s", p.body)
	}
	p = br.submit(p, "password", map[string]string{"username": "member@" + a.domain, "password": "Member-Pass-1"})
	if !strings.Contains(p.body, "Are you trying to sign in to Atrium CLI?") || !strings.Contains(p.body, da.UserCode) {
		t.Fatalf("confirmation: %s", p.body)
	}
	p = br.submit(p, "device", map[string]string{"decision": "approve"})
	if !strings.Contains(p.body, "You have signed in to Atrium CLI on your device") {
		t.Fatalf("after approving: %s", p.body)
	}
	tok, err := cfg.DeviceAccessToken(ctx, da)
	if err != nil || tok.RefreshToken == "" {
		t.Fatalf("device token: %+v %v", tok, err)
	}
	me := h.do(tok.AccessToken, "GET", "/v1.0/me", nil)
	h.want(me, 200, "")
	if me.body["id"] != a.memberID {
		t.Fatalf("/me: %s", me.raw)
	}
	if e := pollOnce(t, cfg.Endpoint.TokenURL, da.DeviceCode); e == "" {
		t.Fatal("a device code gave tokens twice")
	}
	// The refresh token works for the CLI, as atrium login will use it.
	if next, err := cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token(); err != nil || next.AccessToken == "" {
		t.Fatalf("refresh: %v", err)
	}

	// A user who cancels: the device hears access_denied.
	da2, err := cfg.DeviceAuth(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p = br.get(da2.VerificationURI + "?user_code=" + da2.UserCode) // signed in already: straight to the question
	p = br.submit(p, "device", map[string]string{"decision": "deny"})
	if !strings.Contains(p.body, "cancelled") {
		t.Fatalf("after cancelling: %s", p.body)
	}
	if e := pollOnce(t, cfg.Endpoint.TokenURL, da2.DeviceCode); e != "access_denied" {
		t.Fatalf("poll after cancelling: %q", e)
	}
}
