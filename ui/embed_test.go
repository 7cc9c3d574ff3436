package ui

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

var built = fstest.MapFS{
	"index.html":                {Data: []byte(`<!doctype html><script type="module" src="/assets/index-abc123.js"></script>`)},
	"assets/index-abc123.js":    {Data: []byte(`console.log(1)`)},
	"assets/index-abc123.css":   {Data: []byte(`body{}`)},
	"favicon.svg":               {Data: []byte(`<svg/>`)},
	"assets/sub/nested-9f8e.js": {Data: []byte(`x`)},
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Content-Security-Policy": CSP} {
		if got := rec.Header().Get(k); got != want {
			t.Errorf("%s %s: %s = %q, want %q", method, target, k, got, want)
		}
	}
	return rec
}

// TestHandler checks caching, the SPA fallback, and what is not served.
func TestHandler(t *testing.T) {
	h := handler(built)
	for _, tc := range []struct {
		target, cache, body string
		status              int
	}{
		{"/", "no-cache", "<!doctype html>", 200},
		{"/admin", "no-cache", "<!doctype html>", 200},
		{"/admin/users/deleted", "no-cache", "<!doctype html>", 200},
		{"/myaccount/password", "no-cache", "<!doctype html>", 200},
		{"/signin", "no-cache", "<!doctype html>", 200},
		{"/sspr?user=a", "no-cache", "<!doctype html>", 200},
		{"/set-password", "no-cache", "<!doctype html>", 200},
		{"/index.html", "", "404", 404},
		{"/assets/index-abc123.js", "public, max-age=31536000, immutable", "console.log(1)", 200},
		{"/assets/sub/nested-9f8e.js", "public, max-age=31536000, immutable", "x", 200},
		{"/favicon.svg", "no-cache", "<svg/>", 200},
		{"/assets/missing-1234.js", "", "404", 404},
		{"/assets/", "", "404", 404},
		{"/adminx", "", "404", 404},
		{"/other/page", "", "404", 404},
		{"/../etc/passwd", "", "404", 404},
	} {
		rec := get(t, h, "GET", tc.target)
		if rec.Code != tc.status || rec.Header().Get("Cache-Control") != tc.cache || !strings.Contains(rec.Body.String(), tc.body) {
			t.Errorf("GET %s: %d %q %q, want %d %q containing %q", tc.target, rec.Code, rec.Header().Get("Cache-Control"),
				rec.Body.String(), tc.status, tc.cache, tc.body)
		}
	}
	if rec := get(t, h, "GET", "/admin"); !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Errorf("index content type %q", rec.Header().Get("Content-Type"))
	}
	if rec := get(t, h, "GET", "/assets/index-abc123.css"); !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") {
		t.Errorf("css content type %q", rec.Header().Get("Content-Type"))
	}
	if rec := get(t, h, "HEAD", "/admin/users"); rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("HEAD: %d %q", rec.Code, rec.Body.String())
	}
	if rec := get(t, h, "POST", "/admin"); rec.Code != 405 {
		t.Errorf("POST: %d", rec.Code)
	}
}

// TestCSPHasNoInlineScript pins the policy's script and framing rules.
func TestCSPHasNoInlineScript(t *testing.T) {
	directives := map[string]string{}
	for _, d := range strings.Split(CSP, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	for name, want := range map[string]string{"script-src": "'self'", "default-src": "'self'", "frame-ancestors": "'none'",
		"object-src": "'none'", "base-uri": "'self'",
		// The hash of the empty string: Griffel's empty <style> elements, no inline style text.
		"style-src": "'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"} {
		if directives[name] != want {
			t.Errorf("CSP %s = %q, want %q", name, directives[name], want)
		}
	}
}

// TestNotBuilt checks the page a binary built without Node serves.
func TestNotBuilt(t *testing.T) {
	h := handler(fstest.MapFS{"README.md": {Data: []byte("x")}})
	rec := get(t, h, "GET", "/")
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 || !strings.Contains(string(body), "The admin center is not built") || !strings.Contains(string(body), "npm run build --prefix ui") {
		t.Errorf("/: %d %s", rec.Code, body)
	}
	if rec := get(t, h, "GET", "/admin/users"); rec.Code != 200 {
		t.Errorf("/admin/users: %d", rec.Code)
	}
	if rec := get(t, h, "GET", "/assets/x.js"); rec.Code != 404 {
		t.Errorf("/assets/x.js: %d", rec.Code)
	}
}

// TestEmbedded checks the real embedded files: the built app when
// ui/dist/app exists (scripts/test.sh builds it first), else the not-built
// page.
func TestEmbedded(t *testing.T) {
	rec := get(t, Handler(), "GET", "/admin")
	if rec.Code != 200 {
		t.Fatalf("/admin: %d", rec.Code)
	}
	body := rec.Body.String()
	if _, err := dist.Open("dist/app/index.html"); err == nil {
		if !strings.Contains(body, `<div id="root">`) || strings.Contains(body, "<script>") {
			t.Errorf("built index.html: %s", body)
		}
	} else if !strings.Contains(body, "not built") {
		t.Errorf("not-built page: %s", body)
	}
}
