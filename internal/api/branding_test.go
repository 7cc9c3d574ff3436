package api_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// tinyPNG is a 1×1 PNG.
var tinyPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

func putLogo(t *testing.T, h *harness, tn *tenant, tenantPath string, body []byte) response {
	t.Helper()
	return h.do(tn.adminTok, "PUT", "/v1.0/organization/"+tenantPath+"/branding/localizations/0/bannerLogo", body, "Content-Type", "image/png")
}

// TestBranding: a Global admin sets the sign-in page's colour, texts and
// banner logo (Graph's organizationalBranding); the sign-in page shows
// them; bad values and files are refused with the field named.
func TestBranding(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	path := "/v1.0/organization/" + a.id + "/branding"
	r := h.do(a.adminTok, "GET", path, nil)
	h.want(r, 200, "")
	if r.body["backgroundColor"] != nil || r.body["bannerLogoRelativeUrl"] != nil {
		t.Fatalf("default branding: %s", r.raw)
	}
	set := map[string]any{"backgroundColor": "#0078d4", "signInPageText": "Welkom bij Alpha.\nHulp: 020 123 4567", "usernameHintText": "naam@alpha.example"}
	h.want(h.do(a.memberTok, "PATCH", path, set), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "PATCH", path, set), 204, "")
	h.wantAudit(a, "Update company branding", a.id)
	r = h.do(a.memberTok, "GET", path, nil)
	if r.body["backgroundColor"] != "#0078D4" || r.body["usernameHintText"] != "naam@alpha.example" {
		t.Fatalf("after PATCH: %s", r.raw)
	}
	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"colour name":   {map[string]any{"backgroundColor": "blue"}, "backgroundColor"},
		"script colour": {map[string]any{"backgroundColor": "#000;background:url(x)"}, "backgroundColor"},
		"long text":     {map[string]any{"signInPageText": strings.Repeat("x", 1025)}, "signInPageText"},
		"long hint":     {map[string]any{"usernameHintText": strings.Repeat("x", 65)}, "usernameHintText"},
		"unknown":       {map[string]any{"squareLogo": "x"}, "squareLogo"},
		"number":        {map[string]any{"signInPageText": 5}, "signInPageText"},
	} {
		r := h.do(a.adminTok, "PATCH", path, c.body)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d %q %s", name, r.status, r.errTarget(), r.errMessage())
		}
	}
	h.want(h.do(b.adminTok, "GET", path, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(b.adminTok, "PATCH", path, set), 404, "Request_ResourceNotFound")

	// The banner logo: PNG or JPEG, at most 64 KB.
	for name, body := range map[string][]byte{"html": []byte("<svg onload=alert(1)>"), "too big": append(bytes.Clone(tinyPNG), make([]byte, 64<<10)...)} {
		r := putLogo(t, h, a, a.id, body)
		if r.status != 400 || r.errTarget() != "bannerLogo" {
			t.Errorf("logo %s: %d %s", name, r.status, r.raw)
		}
	}
	h.want(putLogo(t, h, b, a.id, tinyPNG), 404, "Request_ResourceNotFound")
	h.want(putLogo(t, h, a, a.id, tinyPNG), 204, "")
	logoURL := h.do(a.adminTok, "GET", path, nil).body["bannerLogoRelativeUrl"].(string)
	resp, err := http.Get(h.url + logoURL)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" || !bytes.Equal(got, tinyPNG) ||
		resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("logo: %d %s", resp.StatusCode, resp.Header)
	}

	// The sign-in page wears it; the other tenant's doesn't.
	rp := newRelyingParty(h, a, false)
	page := newOIDCBrowser(t).get(rp.cfg.AuthCodeURL("s"))
	for _, want := range []string{`style="background:#0078D4"`, `placeholder="naam@alpha.example"`, "Welkom bij Alpha.", `<img src="` + logoURL} {
		if !strings.Contains(page.body, strings.ReplaceAll(want, "&", "&amp;")) {
			t.Errorf("the sign-in page lacks %s:\n%s", want, page.body)
		}
	}
	other := newOIDCBrowser(t).get(newRelyingParty(h, b, false).cfg.AuthCodeURL("s", oauth2.AccessTypeOnline))
	if strings.Contains(other.body, "Welkom") || strings.Contains(other.body, `<body style=`) {
		t.Errorf("tenant B's page shows A's branding")
	}
	// An empty body removes the logo.
	h.want(putLogo(t, h, a, a.id, []byte{}), 204, "")
	if resp, _ := http.Get(h.url + logoURL); resp.StatusCode != 404 {
		t.Errorf("removed logo: %d", resp.StatusCode)
	}
}
