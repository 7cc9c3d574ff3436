package api

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

func withPrincipal(ctx context.Context, p authz.Principal) context.Context {
	return authz.WithPrincipal(ctx, p)
}

func principalFrom(ctx context.Context) (authz.Principal, bool) { return authz.FromContext(ctx) }

type sessionKey struct{}

func withSession(ctx context.Context, cur authn.Current) context.Context {
	return context.WithValue(ctx, sessionKey{}, cur)
}

// sessionFrom returns the browser session of the request (zero for bearer
// tokens).
func sessionFrom(ctx context.Context) authn.Current {
	cur, _ := ctx.Value(sessionKey{}).(authn.Current)
	return cur
}

type requestIDKey struct{}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

func newRequestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// statusWriter remembers the status code for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// observe gives every request a request id (echoed with the client's
// client-request-id), makes it the audit correlation id, and logs the
// request without headers or bodies.
func (a *API) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID()
		w.Header().Set("request-id", id)
		if cid := r.Header.Get("client-request-id"); cid != "" && len(cid) <= 64 {
			w.Header().Set("client-request-id", cid)
		}
		ctx := context.WithValue(r.Context(), requestIDKey{}, id)
		ctx = directory.WithCorrelationID(ctx, id)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(ctx))
		a.log.LogAttrs(ctx, slog.LevelInfo, "request", slog.String("method", r.Method), slog.String("path", loggedPath(r.URL.Path)),
			slog.Int("status", sw.status), slog.Duration("duration", time.Since(start)), slog.String("request_id", id))
	})
}

// signupPrincipal is the anonymous caller of sign-up, known by address.
func signupPrincipal(r *http.Request) authz.Principal {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return authz.Principal{IPAddress: strings.Trim(host, "[]")}
}

// secretPathPrefix starts the paths whose next segment is a secret: a
// partner's invitation token, which the route carries as the API
// names it.
const secretPathPrefix = "/api/partner/invitations/"

// loggedPath is path with any secret segment replaced, for the log.
func loggedPath(path string) string {
	rest, ok := strings.CutPrefix(path, secretPathPrefix)
	if !ok || rest == "" {
		return path
	}
	_, after, found := strings.Cut(rest, "/")
	if !found {
		return secretPathPrefix + "{token}"
	}
	return secretPathPrefix + "{token}/" + after
}
