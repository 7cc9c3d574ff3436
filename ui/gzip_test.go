package ui

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// TestGzip checks that text assets go out gzipped to clients that take
// gzip, whole and with the right type, and as they are to others.
func TestGzip(t *testing.T) {
	big := strings.Repeat("export const x = 'atrium';\n", 200)
	h := handler(fstest.MapFS{
		"index.html":           {Data: []byte(`<!doctype html>`)},
		"assets/app-1a2b.js":   {Data: []byte(big)},
		"assets/tiny-3c4d.js":  {Data: []byte(`x`)},
		"assets/logo-5e6f.png": {Data: bytes.Repeat([]byte{0x89}, 4096)},
	})
	req := func(target, enc string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", target, nil)
		if enc != "" {
			r.Header.Set("Accept-Encoding", enc)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec
	}
	for i := 0; i < 2; i++ { // the second answer comes from the cache
		rec := req("/assets/app-1a2b.js", "gzip, deflate, br, zstd")
		if rec.Header().Get("Content-Encoding") != "gzip" || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") ||
			!strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") || rec.Body.Len() >= len(big)/4 {
			t.Fatalf("gzipped asset: %v, %d bytes", rec.Header(), rec.Body.Len())
		}
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(zr); string(got) != big {
			t.Fatalf("gunzipped asset differs (%d bytes)", len(got))
		}
	}
	for target, enc := range map[string]string{"/assets/app-1a2b.js": "", "/assets/tiny-3c4d.js": "gzip", "/assets/logo-5e6f.png": "gzip"} {
		if rec := req(target, enc); rec.Header().Get("Content-Encoding") != "" || rec.Code != 200 {
			t.Errorf("%s with Accept-Encoding %q: %d %v", target, enc, rec.Code, rec.Header())
		}
	}
	if rec := req("/assets/app-1a2b.js", "gzip;q=0"); rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != big {
		t.Errorf("gzip;q=0 still got %q", rec.Header().Get("Content-Encoding"))
	}
}
