package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// oauthError writes an OAuth 2.0 error body (RFC 6749 §5.2) with Entra's
// AADSTS code in the description.
func oauthError(w http.ResponseWriter, status int, code, description string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": description})
}

// resolveOIDCTenant finds the tenant a provider path names: its id or a
// verified domain. An unknown one gets Entra's AADSTS90002.
func (a *API) resolveOIDCTenant(w http.ResponseWriter, r *http.Request) (string, bool) {
	tid, err := a.dir.ResolveTenant(r.Context(), r.PathValue("tenant"))
	if err != nil {
		if directory.KindOf(err) == directory.KindNotFound {
			oauthError(w, http.StatusBadRequest, "invalid_tenant", "AADSTS90002: Tenant '"+r.PathValue("tenant")+"' not found.")
		} else {
			a.writeError(w, r, err)
		}
		return "", false
	}
	return tid, true
}

// oidc passes a request to the tenant's OpenID Connect provider (zitadel's
// op), with the tenant part of the path removed.
func (a *API) oidc(w http.ResponseWriter, r *http.Request) {
	tid, ok := a.resolveOIDCTenant(w, r)
	if !ok {
		return
	}
	h, err := a.provider.Handler(tid)
	if err != nil {
		a.writeError(w, r, err)
		return
	}
	r2 := r.Clone(r.Context())
	r2.URL.Path, r2.URL.RawPath = authn.StripTenant(r.URL.Path), ""
	if r.Body != nil {
		r2.Body = http.MaxBytesReader(w, r.Body, maxBody)
	}
	h.ServeHTTP(w, r2)
}

// oidcLogout ends the browser session, then lets the provider redirect to
// the app's post-logout address.
func (a *API) oidcLogout(w http.ResponseWriter, r *http.Request) {
	if err := a.sessions.End(w, r); err != nil {
		a.writeError(w, r, err)
		return
	}
	a.oidc(w, r)
}

// oidcToken serves the token endpoint: the password grant here (op has
// none), every other grant in op.
func (a *API) oidcToken(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "The request body could not be read as a form.")
		return
	}
	if r.PostForm.Get("grant_type") != "password" {
		a.oidc(w, r)
		return
	}
	tid, ok := a.resolveOIDCTenant(w, r)
	if !ok {
		return
	}
	ip := signupPrincipal(r).IPAddress
	if !a.signins.allow(ip) {
		w.Header().Set("Retry-After", "600")
		oauthError(w, http.StatusTooManyRequests, "temporarily_unavailable", "Too many sign-ins from this address; try again later.")
		return
	}
	f := r.PostForm
	if f.Get("username") == "" || f.Get("password") == "" || f.Get("client_id") == "" {
		oauthError(w, http.StatusBadRequest, "invalid_request", "The password grant needs client_id, username and password.")
		return
	}
	resp, err := a.provider.PasswordGrant(r.Context(), tid, f.Get("client_id"), f.Get("username"), f.Get("password"), f.Get("scope"), ip)
	var oe *oidc.Error
	switch {
	case errors.As(err, &oe):
		status := http.StatusBadRequest
		if oe.ErrorType == oidc.InvalidClient {
			status = http.StatusUnauthorized
		}
		oauthError(w, status, string(oe.ErrorType), oe.Description)
	case err != nil:
		a.writeError(w, r, err)
	default:
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_ = json.NewEncoder(w).Encode(resp)
	}
}
