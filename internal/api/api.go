package api

import (
	"context"
	"errors"
	"github.com/atriumhq/atrium/client"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

// Config holds what the API needs.
type Config struct {
	Directory   *directory.Service
	Tokens      *authn.Tokens
	Sessions    *authn.Sessions
	Provider    *authn.Provider
	PublicURL   string // base of @odata.context and @odata.nextLink, e.g. http://localhost:8080
	AllowSignup bool   // serve POST /api/signup
	// StrictAdvancedQueries reproduces Graph's ConsistencyLevel rules; when
	// false every advanced query is accepted without the header.
	StrictAdvancedQueries bool
	Logger                *slog.Logger
}

// API serves the HTTP endpoints.
type API struct {
	dir       *directory.Service
	tokens    *authn.Tokens
	sessions  *authn.Sessions
	provider  *authn.Provider
	signins   *limiter // per client address
	publicURL string
	signup    bool
	strict    bool
	log       *slog.Logger

	signups *limiter // per client address

	secretsMu sync.Mutex
	secrets   map[string][]byte // tenant id → paging token secret (immutable)
}

// New returns the API for cfg.
func New(cfg Config) *API {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	return &API{dir: cfg.Directory, tokens: cfg.Tokens, sessions: cfg.Sessions, provider: cfg.Provider, signins: newLimiter(300, time.Hour), publicURL: strings.TrimSuffix(cfg.PublicURL, "/"),
		signup: cfg.AllowSignup, strict: cfg.StrictAdvancedQueries, log: log,
		secrets: map[string][]byte{}, signups: newLimiter(10, time.Hour)}
}

// Handler serves /v1.0 and /api, with the request-id and logging
// middleware.
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	a.routes(mux)
	return a.observe(alternateKeys(mux))
}

// roleKeyPrefix is Graph's alternate key of a directory role by template:
// /directoryRoles(roleTemplateId='…').
const roleKeyPrefix = "/v1.0/directoryRoles(roleTemplateId="

// alternateKeys rewrites Graph's alternate-key paths into the route
// table's form: /v1.0/directoryRoles(roleTemplateId='x')/members becomes
// /v1.0/directoryRoles/roleTemplateId=x/members, which activatedRole
// resolves.
func alternateKeys(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rest, ok := strings.CutPrefix(r.URL.Path, roleKeyPrefix); ok {
			if i := strings.Index(rest, ")"); i > 0 {
				key := strings.Trim(rest[:i], "'")
				r = r.Clone(r.Context())
				r.URL.Path, r.URL.RawPath = "/v1.0/directoryRoles/roleTemplateId="+key+rest[i+1:], ""
			}
		}
		next.ServeHTTP(w, r)
	})
}

// TenantHandler serves the per-tenant endpoints outside /v1.0 and /api
// (signing keys); unknown paths fall through to next.
func (a *API) TenantHandler(next http.Handler) http.Handler {
	mux := http.NewServeMux()
	a.tenantRoutes(mux)
	mux.Handle("/", next)
	return a.observe(mux)
}

// handlerFunc is a handler that returns its error instead of writing it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// public adapts a handlerFunc: errors are written by writeError.
func (a *API) public(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			a.writeError(w, r, err)
		}
	})
}

// authed adapts a handlerFunc that needs a signed-in principal holding
// one of perms: a bearer token, or a browser session cookie (with its CSRF
// token on unsafe requests). A session with an unfinished sign-in step
// reaches only the routes open during that step.
func (a *API) authed(rt route) http.Handler {
	perms, h := rt.perms, rt.h
	return a.public(func(w http.ResponseWriter, r *http.Request) error {
		p, cur, err := a.authenticate(r)
		var ce *authn.CSRFError
		if errors.As(err, &ce) {
			return &httpError{status: http.StatusForbidden, code: "Authorization_RequestDenied", message: ce.Message}
		}
		if pending, msg := unfinished(p, cur); err == nil && pending != 0 && rt.openDuring&pending == 0 {
			return &httpError{status: http.StatusForbidden, code: "Authorization_RequestDenied", message: msg}
		}
		var ae *authn.Error
		switch {
		case err == nil:
		case errors.As(err, &ae) || directory.KindOf(err) != directory.KindInternal:
			return unauthenticated(err)
		default:
			return err // the database failed, not the token: a 500 with a request id
		}
		if p.AppID != "" && delegatedOnly(rt) {
			return badRequest("", "/me request is only valid with delegated authentication flow.")
		}
		if customer := r.Header.Get(client.TenantHeader); customer != "" && customer != p.TenantID {
			if p, err = a.dir.ActAs(r.Context(), p, customer); err != nil {
				return err
			}
		}
		if p.Partner != nil && rt.pattern != "GET /api/session" && (delegatedOnly(rt) || rt.serviceGated) {
			return &httpError{status: http.StatusForbidden, code: "Authorization_RequestDenied",
				message: "This is about your own account or your own organization; send it without the " + client.TenantHeader + " header."}
		}
		if !slices.ContainsFunc(perms, func(perm authz.Permission) bool { return authz.Allowed(p, perm, p.TenantID) }) {
			return directory.Denied(authz.Check(p, perms[0], p.TenantID))
		}
		ctx := withSession(withPrincipal(r.Context(), p), cur)
		return h(w, r.WithContext(ctx))
	})
}

// delegatedOnly reports whether a route acts on the signed-in user
// (/me, My account, the session), which an app acting on its own has not.
func delegatedOnly(rt route) bool {
	_, path, _ := strings.Cut(rt.pattern, " ")
	return rt.selfService || slices.Contains(strings.Split(path, "/"), "me") || path == "/api/myAdmins" ||
		strings.HasPrefix(path, "/api/session")
}

// unfinished returns the first sign-in step a browser session still has to
// do, and what to tell the caller.
func unfinished(p authz.Principal, cur authn.Current) (step, string) {
	switch {
	case cur.CSRF == "": // a bearer token: no session steps
		return 0, ""
	case cur.Session.Stage == directory.StageMFA:
		return stepMFA, "Enter the code from your authenticator app first (POST /api/signin/mfa)."
	case cur.Session.Stage == directory.StageEnroll:
		return stepEnroll, "Your organization requires admins to register an authenticator app first (POST /api/me/mfa/totp)."
	case p.MustChangePassword:
		return stepPassword, "Change your password first (POST /v1.0/me/changePassword)."
	}
	return 0, ""
}

// authenticate finds the caller: a bearer token when the request has an
// Authorization header, else a session cookie. It returns the session (zero
// for bearer tokens).
func (a *API) authenticate(r *http.Request) (authz.Principal, authn.Current, error) {
	if r.Header.Get("Authorization") != "" || a.sessions == nil || !a.sessions.HasCookie(r) {
		p, err := a.tokens.Authenticate(r)
		return p, authn.Current{}, err
	}
	return a.sessions.Authenticate(r)
}

// tenantOf returns the tenant the request acts in: the principal's.
func tenantOf(ctx context.Context) string {
	p, _ := principalFrom(ctx)
	return p.TenantID
}
