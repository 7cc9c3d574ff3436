package api

import (
	"net/http"
	"net/url"

	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/directory"
)

// deviceLogin is where a user enters the code their device shows
// (verification_uri of the device flow): a valid code leads to the
// sign-in page for that device.
func (a *API) deviceLogin(w http.ResponseWriter, r *http.Request) {
	tid, ok := a.resolveOIDCTenant(w, r)
	if !ok {
		return
	}
	t := signinTexts[pageLang(r)]
	code := r.URL.Query().Get("user_code")
	if code == "" {
		a.renderSignin(w, r, tid, http.StatusOK, signinView{Step: "usercode", Heading: t.UserCode})
		return
	}
	// Each try counts against the address's sign-in budget: user codes
	// are short, so guessing them must stay slow.
	if !a.signins.allow(signupPrincipal(r).IPAddress) {
		a.renderSignin(w, r, tid, http.StatusTooManyRequests, signinView{Step: "usercode", Heading: t.UserCode, Error: t.Busy})
		return
	}
	if _, err := a.dir.PendingDeviceAuthorization(r.Context(), tid, code); err != nil {
		a.renderSignin(w, r, tid, http.StatusOK, signinView{Step: "usercode", Heading: t.UserCode, Error: t.BadUserCode})
		return
	}
	target := "/" + r.PathValue("tenant") + "/oauth2/v2.0/signin?device=" + url.QueryEscape(directory.NormalizeUserCode(code))
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// signinDevice records the signed-in user's answer for a device.
func (a *API) signinDevice(r *http.Request, tid, userCode string) error {
	p, cur, err := a.sessions.Authenticate(r)
	if err != nil || p.TenantID != tid || cur.Session.Stage != directory.StageComplete || p.MustChangePassword {
		return &formError{status: http.StatusOK, key: "bad", restart: true}
	}
	approve := r.PostForm.Get("decision") == "approve"
	return a.dir.DecideDeviceAuthorization(r.Context(), tid, userCode, p.UserID, approve, a.amr(r, tid, p.UserID))
}

// clientName is the name the device page shows for the device's app.
func (a *API) clientName(r *http.Request, tid, userCode string) string {
	d, err := a.dir.PendingDeviceAuthorization(r.Context(), tid, userCode)
	if err != nil {
		return "?"
	}
	if d.ClientID == authn.CLIClientID {
		return "Atrium CLI"
	}
	if app, err := a.dir.ClientApplication(r.Context(), tid, d.ClientID); err == nil {
		return app.DisplayName
	}
	return d.ClientID
}
