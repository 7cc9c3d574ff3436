// Package ui serves Atrium's web admin center and My account: a React
// single-page app built by Vite into dist/app and embedded into the binary.
// Hashed assets are cached for a year, index.html never; text assets go
// out gzipped to clients that take it (compressed once, then kept); the
// app's routes fall back to index.html so that deep links work; every
// answer carries a strict content security policy (no inline script). A binary built without
// Node has no dist/app and serves a page saying how to build the UI, so the
// API works either way.
package ui

import (
	"embed"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// routes are the first path segments of the app's own pages; their paths
// fall back to index.html. "partner" is a partner organization's pages
// (Customers, GDAP relationships); "AdminPortal" answers the links partners
// send their customers (/AdminPortal/Home#/BillingAccounts/partner-invitation/…
// and #/partners/invitation/granularAdminRelationships/…, partners.md §2.2, §5.4).
var routes = []string{"admin", "myaccount", "signin", "sspr", "set-password", "partner", "AdminPortal"}

// CSP is the content security policy of every UI answer: scripts and
// styles come from the app's own files only. Fluent UI's styling engine
// (Griffel) adds empty <style> elements at run time and fills them through
// the CSSOM (insertRule), which the policy allows; the one hash admits those
// empty elements (it is the SHA-256 of the empty string), so no inline
// style text is allowed.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data: blob:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// Handler serves the built app from the embedded files.
func Handler() http.Handler {
	app, err := fs.Sub(dist, "dist/app")
	if err != nil {
		panic(err) // a constant, valid path
	}
	return handler(app)
}

// handler serves the app in files (the contents of dist/app).
func handler(files fs.FS) http.Handler {
	index, err := fs.ReadFile(files, "index.html")
	if err != nil {
		return secure(http.HandlerFunc(notBuilt))
	}
	static := http.FileServerFS(files)
	gz := &gzipCache{files: files, done: map[string][]byte{}}
	return secure(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		if p == "/" || isAppRoute(p) {
			serveIndex(w, r, index)
			return
		}
		name := strings.TrimPrefix(p, "/")
		if st, err := fs.Stat(files, name); err != nil || st.IsDir() || name == "index.html" {
			http.NotFound(w, r)
			return
		}
		if strings.HasPrefix(name, "assets/") {
			// Vite names every asset after its content hash.
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		if gz.serve(w, r, name) {
			return
		}
		static.ServeHTTP(w, r)
	}))
}

func isAppRoute(p string) bool {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	for _, r := range routes {
		if first == r {
			return true
		}
	}
	return false
}

func serveIndex(w http.ResponseWriter, r *http.Request, index []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(index)
}

// secure sets the security headers of every UI answer.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// notBuiltPage is served on / when the binary was built without the UI.
const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Atrium</title></head>
<body>
<h1>Atrium is running</h1>
<p>The admin center is not built: run <code>make run</code> (it builds the UI with npm) or
<code>npm ci --prefix ui &amp;&amp; npm run build --prefix ui</code>, then build or run Atrium again.</p>
<p>The Graph-compatible API is at <code>/v1.0/</code> (see the README's tour).</p>
</body></html>
`

func notBuilt(w http.ResponseWriter, r *http.Request) {
	p := path.Clean("/" + r.URL.Path)
	if p != "/" && !isAppRoute(p) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = io.WriteString(w, notBuiltPage)
}
