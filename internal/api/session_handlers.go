package api

import (
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// sessionJSON describes the signed-in user of a browser session.
type sessionJSON struct {
	TenantID           string `json:"tenantId"`
	UserID             string `json:"userId"`
	UserPrincipalName  string `json:"userPrincipalName"`
	DisplayName        string `json:"displayName"`
	IsAdmin            bool   `json:"isAdmin"`
	MustChangePassword bool   `json:"mustChangePassword"`
	CSRFToken          string `json:"csrfToken,omitempty"`
}

// signIn checks a user name and password and starts a browser session. The
// tenant comes from the user name's domain, or from "tenant" (id or
// domain). Every failure looks the same to the caller.
func (a *API) signIn(w http.ResponseWriter, r *http.Request) error {
	ip := signupPrincipal(r).IPAddress
	if !a.signins.allow(ip) {
		w.Header().Set("Retry-After", "600")
		return &httpError{status: http.StatusTooManyRequests, code: "TooManyRequests", message: "Too many sign-ins from this address; try again later."}
	}
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var req struct {
		Username string `json:"username"`
		Password string `json:"password"`
		Tenant   string `json:"tenant"`
	}
	if err := decodeStrict("signin", mustJSON(m), &req); err != nil {
		return err
	}
	if req.Username == "" || req.Password == "" {
		return badRequest("username", "username and password are required.")
	}
	tenantRef := req.Tenant
	if tenantRef == "" {
		tenantRef = directory.DomainOf(req.Username)
	}
	bad := &httpError{status: http.StatusUnauthorized, code: "AADSTS50126",
		message: "Error validating credentials due to invalid username or password."}
	tenantID, err := a.dir.ResolveTenant(r.Context(), tenantRef)
	if directory.KindOf(err) == directory.KindNotFound || strings.TrimSpace(tenantRef) == "" {
		return bad
	} else if err != nil {
		return err
	}
	res, err := a.dir.SignIn(r.Context(), tenantID, req.Username, req.Password, ip, "Atrium admin center")
	if de, ok := directory.AsError(err); ok && de.Kind == directory.KindUnauthenticated {
		return &httpError{status: http.StatusUnauthorized, code: "AADSTS" + de.Code, message: de.Message}
	} else if err != nil {
		return err
	}
	csrf, err := a.sessions.Start(w, r, tenantID, res.User.ID)
	if err != nil {
		return err
	}
	p, err := a.dir.LoadPrincipal(r.Context(), tenantID, res.User.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sessionJSON{TenantID: tenantID, UserID: p.UserID, UserPrincipalName: p.UPN, DisplayName: p.DisplayName,
		IsAdmin: p.IsAdmin(), MustChangePassword: res.MustChangePassword, CSRFToken: csrf})
	return nil
}

func (a *API) getSession(w http.ResponseWriter, r *http.Request) error {
	p, _ := principalFrom(r.Context())
	writeJSON(w, http.StatusOK, sessionJSON{TenantID: p.TenantID, UserID: p.UserID, UserPrincipalName: p.UPN, DisplayName: p.DisplayName,
		IsAdmin: p.IsAdmin(), MustChangePassword: p.MustChangePassword, CSRFToken: csrfFrom(r.Context())})
	return nil
}

func (a *API) signOut(w http.ResponseWriter, r *http.Request) error {
	if err := a.sessions.End(w, r); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) signOutEverywhere(w http.ResponseWriter, r *http.Request) error {
	p, _ := principalFrom(r.Context())
	if err := a.dir.EndUserSessions(r.Context(), p.TenantID, p.UserID); err != nil {
		return err
	}
	if err := a.sessions.End(w, r); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
