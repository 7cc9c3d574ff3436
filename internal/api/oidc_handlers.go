package api

import (
	"encoding/json"
	"net/http"

	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/directory"
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
