package api_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenIDConnectNodeClient lets openid-client (npm), a certified
// relying-party library, sign a user in: discovery, code with PKCE and
// nonce, ID token validation, userinfo, refresh, and refusal of a reused
// refresh token. scripts/test.sh installs it and sets ATRIUM_REQUIRE_NODE,
// so in `make test` this test runs or fails, never skips.
func TestOpenIDConnectNodeClient(t *testing.T) {
	dir, _ := filepath.Abs("../../e2e/oidc-rp")
	node, err := exec.LookPath("node")
	if _, statErr := os.Stat(filepath.Join(dir, "node_modules", "openid-client")); err != nil || statErr != nil {
		if os.Getenv("ATRIUM_REQUIRE_NODE") == "1" {
			t.Fatalf("node or openid-client missing (run npm ci --prefix e2e/oidc-rp): %v %v", err, statErr)
		}
		t.Skip("needs node and `npm ci --prefix e2e/oidc-rp`; make test installs them")
	}
	h := newHarness(t)
	a := h.newTenant("alpha")
	rp := newRelyingParty(h, a, false)
	ctx, cancel := context.WithTimeout(bg, time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "rp.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "RP_ISSUER="+h.url+"/"+a.id+"/v2.0", "RP_CLIENT_ID="+rp.cfg.ClientID,
		"RP_CLIENT_SECRET="+rp.cfg.ClientSecret, "RP_REDIRECT_URI="+rpRedirect,
		"RP_USERNAME=member@"+a.domain, "RP_PASSWORD=Member-Pass-1")
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("openid-client: %v\n%s\n%s", err, out, stderr)
	}
	var got struct {
		Sub               string `json:"sub"`
		TID               string `json:"tid"`
		PreferredUsername string `json:"preferred_username"`
		UserinfoEmail     string `json:"userinfo_email"`
		AccessToken       string `json:"access_token"`
		Refreshed         bool   `json:"refreshed"`
		Reuse             string `json:"reuse"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output %s: %v", out, err)
	}
	if got.Sub != a.memberID || got.TID != a.id || got.PreferredUsername != "member@"+a.domain ||
		got.UserinfoEmail != "member@"+a.domain || !got.Refreshed || got.Reuse != "invalid_grant" {
		t.Fatalf("openid-client saw %s", out)
	}
	me := h.do(got.AccessToken, "GET", "/v1.0/me", nil)
	h.want(me, 200, "")
	if me.body["id"] != a.memberID {
		t.Fatalf("/me: %s", me.raw)
	}
}
