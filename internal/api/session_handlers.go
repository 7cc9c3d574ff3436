package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/authz"
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
	// MFARequired: send a code to POST /api/signin/mfa next.
	MFARequired bool `json:"mfaRequired"`
	// MFAEnrollmentRequired: register an authenticator app next.
	MFAEnrollmentRequired bool   `json:"mfaEnrollmentRequired"`
	CSRFToken             string `json:"csrfToken,omitempty"`
	TenantName            string `json:"tenantName"`
	// PreferredLanguage is the user's language, else the organization's
	// ("" when neither is set): the admin center speaks it.
	PreferredLanguage string `json:"preferredLanguage"`
	// Roles are the roles the user holds in the tenant, directly or
	// through a delegation.
	Roles []sessionRole `json:"roles"`
	// Permissions are the permission ids the user holds (perhaps limited
	// to some targets): the admin center shows the pages they open.
	Permissions []string `json:"permissions"`
}

type sessionRole struct {
	TemplateID  string `json:"templateId"`
	DisplayName string `json:"displayName"`
}

// sessionBody describes the session of p; it reads the organization's name
// and the user's language.
func (a *API) sessionBody(ctx context.Context, p authz.Principal, cur authn.Current) (sessionJSON, error) {
	prof, err := a.dir.GetSessionProfile(authz.WithPrincipal(ctx, p), p.TenantID)
	if err != nil {
		return sessionJSON{}, err
	}
	s := sessionJSON{TenantID: p.TenantID, UserID: p.UserID, UserPrincipalName: p.UPN, DisplayName: p.DisplayName,
		IsAdmin: p.IsAdmin(), MustChangePassword: p.MustChangePassword, MFARequired: cur.Session.Stage == directory.StageMFA,
		MFAEnrollmentRequired: cur.Session.Stage == directory.StageEnroll, CSRFToken: cur.CSRF,
		TenantName: prof.TenantName, PreferredLanguage: prof.Language, Roles: []sessionRole{}, Permissions: []string{}}
	for _, key := range p.Roles {
		if r, ok := authz.RoleByKey(key); ok {
			s.Roles = append(s.Roles, sessionRole{TemplateID: r.TemplateID, DisplayName: r.DisplayName})
		}
	}
	for _, perm := range authz.AllPermissions {
		if authz.Allowed(p, perm, p.TenantID) {
			s.Permissions = append(s.Permissions, string(perm))
		}
	}
	return s, nil
}

// writeSession answers with the session of p.
func (a *API) writeSession(w http.ResponseWriter, r *http.Request, p authz.Principal, cur authn.Current) error {
	body, err := a.sessionBody(r.Context(), p, cur)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, body)
	return nil
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
	stage, err := a.dir.SecondFactorStage(r.Context(), tenantID, res.User.ID)
	if err != nil {
		return err
	}
	csrf, err := a.sessions.Start(w, r, tenantID, res.User.ID, stage)
	if err != nil {
		return err
	}
	p, err := a.dir.LoadPrincipal(r.Context(), tenantID, res.User.ID)
	if err != nil {
		return err
	}
	return a.writeSession(w, r, p, authn.Current{Session: directory.Session{Stage: stage}, CSRF: csrf})
}

func (a *API) getSession(w http.ResponseWriter, r *http.Request) error {
	p, _ := principalFrom(r.Context())
	return a.writeSession(w, r, p, sessionFrom(r.Context()))
}

// maxCodeFailures is how many wrong second-factor codes end a session.
const maxCodeFailures = 5

// signInMFA completes a sign-in with a code from the authenticator app or
// a recovery code.
func (a *API) signInMFA(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, cur := principalFromCtx(ctx), sessionFrom(ctx)
	if cur.Session.Stage != directory.StageMFA {
		return badRequest("code", "This session doesn't wait for a second factor.")
	}
	code, err := readCode(w, r)
	if err != nil {
		return err
	}
	ended, err := a.checkSessionCode(w, r, p, cur, code)
	if ended {
		return &httpError{status: http.StatusUnauthorized, code: "AADSTS500121", message: "Too many wrong codes; sign in again."}
	} else if err != nil {
		return err
	}
	cur.Session.Stage = directory.StageComplete
	return a.writeSession(w, r, p, cur)
}

// checkSessionCode checks the second-factor code of a session that waits
// for one and completes the session. A wrong code counts against the
// session; the last one allowed ends it, and ended reports that.
func (a *API) checkSessionCode(w http.ResponseWriter, r *http.Request, p authz.Principal, cur authn.Current, code string) (ended bool, err error) {
	ctx := r.Context()
	err = a.dir.VerifySecondFactor(ctx, p.TenantID, p.UserID, code)
	if err == nil {
		return false, a.dir.SetSessionStage(ctx, p.TenantID, cur.Session.ID, directory.StageComplete, 0)
	}
	if err != directory.ErrBadCode {
		return false, err
	}
	failures := cur.Session.MFAFailures + 1
	if failures >= maxCodeFailures {
		if err := a.sessions.End(w, r); err != nil {
			return false, err
		}
		return true, directory.ErrBadCode
	}
	if err := a.dir.SetSessionStage(ctx, p.TenantID, cur.Session.ID, directory.StageMFA, failures); err != nil {
		return false, err
	}
	return false, directory.ErrBadCode
}

func principalFromCtx(ctx context.Context) authz.Principal {
	p, _ := principalFrom(ctx)
	return p
}

// readCode reads {"code": "..."}.
func readCode(w http.ResponseWriter, r *http.Request) (string, error) {
	m, err := readObject(w, r)
	if err != nil {
		return "", err
	}
	var req struct {
		Code string `json:"code"`
	}
	if err := decodeStrict("code", mustJSON(m), &req); err != nil {
		return "", err
	}
	if req.Code == "" {
		return "", badRequest("code", "Property 'code' is required.")
	}
	return req.Code, nil
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
