package api

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
)

// The sign-in page of the authorization flow: password, then the second
// factor or a required password change, each step a plain HTML form (no
// script), each answered with a redirect back to the page (post, redirect,
// get), which sends the browser on to the app once nothing is left to do.

var signinTemplate = template.Must(template.New("signin").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.T.Title}}</title>
<style>body{font-family:system-ui,sans-serif;background:#f3f2f1;margin:0}main{max-width:22rem;margin:10vh auto;background:#fff;padding:2rem;box-shadow:0 2px 6px #0002}
label{display:block;margin-top:1rem}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}button{margin-top:1.5rem;padding:.5rem 1.5rem;font-size:1rem;background:#0f6cbd;color:#fff;border:0}
.error{color:#a4262c}.note{white-space:pre-line;font-size:.875rem;margin-top:1.5rem}</style></head>
<body{{with .Brand.BackgroundColor}} style="background:{{.}}"{{end}}><main>
{{with .LogoURL}}<img src="{{.}}" alt="" style="max-width:100%;max-height:36px">{{end}}<h1>{{.Heading}}</h1>
{{if .Error}}<p class="error" role="alert">{{.Error}}</p>{{end}}
{{if .Message}}<p>{{.Message}}</p>{{else}}
{{if eq .Step "usercode"}}<form method="get" action="{{.Action}}"><label>{{.T.UserCode}}<input name="user_code" autocomplete="off" required autofocus></label>
<button type="submit">{{.T.Submit}}</button></form>{{else}}
<form method="post" action="{{.Action}}">
{{if .Request}}<input type="hidden" name="request" value="{{.Request}}">{{end}}{{if .Device}}<input type="hidden" name="device" value="{{.Device}}">{{end}}
<input type="hidden" name="step" value="{{.Step}}">
{{if .CSRF}}<input type="hidden" name="csrf_token" value="{{.CSRF}}">{{end}}
{{if eq .Step "password"}}<label>{{.T.Username}}<input name="username" type="email" autocomplete="username" value="{{.Username}}"{{with .Brand.UsernameHintText}} placeholder="{{.}}"{{end}} required autofocus></label>
<label>{{.T.Password}}<input name="password" type="password" autocomplete="current-password" required></label>{{end}}
{{if eq .Step "mfa"}}<label>{{.T.Code}}<input name="code" inputmode="numeric" autocomplete="one-time-code" required autofocus></label>{{end}}
{{if eq .Step "change"}}<label>{{.T.Current}}<input name="current" type="password" autocomplete="current-password" required autofocus></label>
<label>{{.T.New}}<input name="new" type="password" autocomplete="new-password" required></label>
<label>{{.T.Confirm}}<input name="confirm" type="password" autocomplete="new-password" required></label>{{end}}
{{if eq .Step "device"}}<p>{{.Detail}}</p><button type="submit" name="decision" value="approve">{{.T.Continue}}</button>
<button type="submit" name="decision" value="deny">{{.T.Cancel}}</button>{{else}}
<button type="submit">{{.T.Submit}}</button>{{end}}</form>{{end}}{{end}}
{{with .Brand.SignInPageText}}<p class="note">{{.}}</p>{{end}}
</main></body></html>`))

type signinText struct {
	Title, SignIn, Username, Password, Submit, Bad, Expired, MFA, Code, BadCode, CodeLocked, Change, Current, New, Confirm, Mismatch, Enroll, Busy string

	// The device code flow (atrium login).
	UserCode, BadUserCode, DeviceAsk, DeviceDetail, Continue, Cancel, DeviceDone, DeviceDenied string
}

var signinTexts = map[string]signinText{
	"en": {Title: "Sign in", SignIn: "Sign in", Username: "Email or user name", Password: "Password", Submit: "Next",
		Bad: "Your account or password is incorrect.", Expired: "This sign-in has expired. Go back to the app and start again.",
		MFA: "Enter the code from your authenticator app", Code: "Code", BadCode: "That code didn't work. Try again.",
		CodeLocked: "Too many wrong codes. Wait 15 minutes, then try again.",
		Change:     "Update your password", Current: "Current password", New: "New password", Confirm: "Confirm new password",
		Mismatch: "The new passwords don't match.", Busy: "Too many sign-ins from this address; try again later.",
		Enroll:   "Your organization requires an authenticator app before you can sign in to apps. Set one up under My account, then return to the app.",
		UserCode: "Enter the code shown on your device", BadUserCode: "That code isn't valid or has expired. Check the code on your device and try again.",
		DeviceAsk: "Are you trying to sign in to %s?", DeviceDetail: "Only continue if you started this sign-in yourself, on a device you trust. The code was %s.",
		Continue: "Continue", Cancel: "Cancel", DeviceDone: "You have signed in to %s on your device. You can close this window.",
		DeviceDenied: "The sign-in was cancelled. You can close this window."},
	"nl": {Title: "Aanmelden", SignIn: "Aanmelden", Username: "E-mailadres of gebruikersnaam", Password: "Wachtwoord", Submit: "Volgende",
		Bad: "Uw account of wachtwoord is onjuist.", Expired: "Deze aanmelding is verlopen. Ga terug naar de app en begin opnieuw.",
		MFA: "Voer de code uit uw authenticator-app in", Code: "Code", BadCode: "Die code werkte niet. Probeer het opnieuw.",
		CodeLocked: "Te veel onjuiste codes. Wacht 15 minuten en probeer het dan opnieuw.",
		Change:     "Uw wachtwoord bijwerken", Current: "Huidig wachtwoord", New: "Nieuw wachtwoord", Confirm: "Nieuw wachtwoord bevestigen",
		Mismatch: "De nieuwe wachtwoorden komen niet overeen.", Busy: "Te veel aanmeldingen vanaf dit adres; probeer het later opnieuw.",
		Enroll:   "Uw organisatie vereist een authenticator-app voordat u zich bij apps aanmeldt. Stel er een in onder Mijn account en ga dan terug naar de app.",
		UserCode: "Voer de code in die op uw apparaat wordt weergegeven", BadUserCode: "Die code is ongeldig of verlopen. Controleer de code op uw apparaat en probeer het opnieuw.",
		DeviceAsk: "Probeert u zich aan te melden bij %s?", DeviceDetail: "Ga alleen verder als u deze aanmelding zelf bent begonnen, op een apparaat dat u vertrouwt. De code was %s.",
		Continue: "Doorgaan", Cancel: "Annuleren", DeviceDone: "U bent op uw apparaat aangemeld bij %s. U kunt dit venster sluiten.",
		DeviceDenied: "De aanmelding is geannuleerd. U kunt dit venster sluiten."},
}

type signinView struct {
	Lang, Heading, Error, Message, Action, Step, CSRF, Username string
	signinFlow
	Brand   directory.BrandingSpec // the tenant's company branding
	LogoURL string
	Detail  string // the device step's explanation
	T       signinText
}

func pageLang(r *http.Request) string {
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "nl") {
		return "nl"
	}
	return "en"
}

func (a *API) renderSignin(w http.ResponseWriter, r *http.Request, tid string, status int, v signinView) {
	if b, err := a.dir.SignInBranding(r.Context(), tid); err == nil {
		v.Brand = b.Spec
		if len(b.Logo) > 0 {
			v.LogoURL = "/" + tid + "/branding/bannerLogo?v=" + strconv.FormatInt(b.UpdatedAt.Unix(), 10)
		}
	}
	v.Lang = pageLang(r)
	v.T = signinTexts[v.Lang]
	v.Action = r.URL.Path
	switch v.Step {
	case "mfa":
		v.Heading = v.T.MFA
	case "change":
		v.Heading = v.T.Change
	case "device", "usercode":
	default:
		v.Heading = v.T.SignIn
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_ = signinTemplate.Execute(w, v)
}

// signinPage shows the step the browser's sign-in is at, or completes the
// authorization request and sends the browser to the provider's callback.
func (a *API) signinPage(w http.ResponseWriter, r *http.Request) {
	tid, ok := a.resolveOIDCTenant(w, r)
	if !ok {
		return
	}
	f := signinFlow{Request: r.URL.Query().Get("request"), Device: r.URL.Query().Get("device")}
	t := signinTexts[pageLang(r)]
	if !a.flowLive(r, tid, f) {
		a.renderSignin(w, r, tid, http.StatusBadRequest, signinView{Message: t.Expired})
		return
	}
	v := signinView{signinFlow: f, Step: "password"}
	p, cur, err := a.sessions.Authenticate(r)
	if err != nil || p.TenantID != tid {
		a.renderSignin(w, r, tid, http.StatusOK, v)
		return
	}
	v.CSRF = cur.CSRF
	switch {
	case cur.Session.Stage == directory.StageMFA:
		v.Step = "mfa"
	case cur.Session.Stage == directory.StageEnroll:
		v.Message = t.Enroll
	case p.MustChangePassword:
		v.Step = "change"
	case f.Device != "":
		app := a.clientName(r, tid, f.Device)
		v.Step, v.Heading, v.Detail = "device", sprintf(t.DeviceAsk, app), sprintf(t.DeviceDetail, f.Device)
	default:
		if err := a.dir.CompleteAuthRequest(r.Context(), tid, f.Request, p.UserID, a.amr(r, tid, p.UserID)); err != nil {
			a.renderSignin(w, r, tid, http.StatusBadRequest, signinView{Message: t.Expired})
			return
		}
		http.Redirect(w, r, a.provider.CallbackURL(tid, f.Request), http.StatusSeeOther)
		return
	}
	a.renderSignin(w, r, tid, http.StatusOK, v)
}

// signinFlow is what the sign-in is for: an authorization request of an
// app (Request), or a device waiting with a user code (Device).
type signinFlow struct{ Request, Device string }

// query is the flow as the page's query string.
func (f signinFlow) query() string {
	if f.Device != "" {
		return "?device=" + url.QueryEscape(f.Device)
	}
	return "?request=" + url.QueryEscape(f.Request)
}

// flowLive reports whether the flow can still complete.
func (a *API) flowLive(r *http.Request, tid string, f signinFlow) bool {
	if f.Device != "" {
		_, err := a.dir.PendingDeviceAuthorization(r.Context(), tid, f.Device)
		return err == nil
	}
	_, err := a.dir.AuthRequest(r.Context(), tid, f.Request)
	return err == nil
}

// amr are the methods the user's sign-in used: the password, and the
// authenticator app when they have one (the session passed it then).
func (a *API) amr(r *http.Request, tid, userID string) []string {
	amr := []string{"pwd"}
	if ok, _ := a.dir.HasTOTP(r.Context(), tid, userID); ok {
		amr = append(amr, "mfa")
	}
	return amr
}

// signinSubmit handles one step's form and redirects back to the page.
func (a *API) signinSubmit(w http.ResponseWriter, r *http.Request) {
	tid, ok := a.resolveOIDCTenant(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		a.writeError(w, r, badRequest("", "The form could not be read."))
		return
	}
	t := signinTexts[pageLang(r)]
	f := signinFlow{Request: r.PostForm.Get("request"), Device: r.PostForm.Get("device")}
	if !a.flowLive(r, tid, f) {
		a.renderSignin(w, r, tid, http.StatusBadRequest, signinView{Message: t.Expired})
		return
	}
	if o := r.Header.Get("Origin"); o != "" && o != originOf(a.publicURL) {
		a.renderSignin(w, r, tid, http.StatusForbidden, signinView{Message: t.Expired}) // login CSRF: a form posted from another site
		return
	}
	back := r.URL.Path + f.query()
	v := signinView{signinFlow: f, Step: r.PostForm.Get("step")}
	var err error
	switch v.Step {
	case "password":
		v.Username = r.PostForm.Get("username")
		err = a.signinPassword(w, r, tid, v.Username, r.PostForm.Get("password"))
	case "mfa":
		err = a.signinCode(w, r, tid)
	case "change":
		err = a.signinChange(r, tid)
	case "device":
		name := a.clientName(r, tid, f.Device)
		if err = a.signinDevice(r, tid, f.Device); err == nil {
			msg := t.DeviceDenied
			if r.PostForm.Get("decision") == "approve" {
				msg = sprintf(t.DeviceDone, name)
			}
			a.renderSignin(w, r, tid, http.StatusOK, signinView{Message: msg})
			return
		}
	default:
		err = badRequest("step", "Unknown sign-in step.")
	}
	var fe *formError
	switch {
	case errors.As(err, &fe):
		v.Error = fe.text(t)
		if fe.restart {
			v.Step = "password"
		}
		if _, cur, err := a.sessions.Authenticate(withoutUnsafe(r)); err == nil && !fe.restart {
			v.CSRF = cur.CSRF
		}
		a.renderSignin(w, r, tid, fe.status, v)
	case err != nil:
		a.writeError(w, r, err)
	default:
		http.Redirect(w, r, back, http.StatusSeeOther)
	}
}

// formError is a refusal shown on the sign-in page.
type formError struct {
	status  int
	key     string // a field of signinText
	message string // or a message of its own (password policy)
	restart bool   // back to the password step
}

func (e *formError) Error() string { return e.key + e.message }

func (e *formError) text(t signinText) string {
	switch e.key {
	case "bad":
		return t.Bad
	case "busy":
		return t.Busy
	case "badCode":
		return t.BadCode
	case "mismatch":
		return t.Mismatch
	case "codeLocked":
		return t.CodeLocked
	}
	return e.message
}

func (a *API) signinPassword(w http.ResponseWriter, r *http.Request, tid, username, password string) error {
	ip := signupPrincipal(r).IPAddress
	if !a.signins.allow(ip) {
		return &formError{status: http.StatusTooManyRequests, key: "busy", restart: true}
	}
	bad := &formError{status: http.StatusOK, key: "bad", restart: true}
	if username == "" || password == "" {
		return bad
	}
	res, err := a.dir.SignIn(r.Context(), tid, username, password, ip, "OpenID Connect sign-in")
	if de, ok := directory.AsError(err); ok && de.Kind == directory.KindUnauthenticated {
		return bad
	} else if err != nil {
		return err
	}
	stage, err := a.dir.SecondFactorStage(r.Context(), tid, res.User.ID)
	if err != nil {
		return err
	}
	_ = a.sessions.End(w, r) // a previous user's session on this browser
	_, err = a.sessions.Start(w, r, tid, res.User.ID, stage)
	return err
}

func (a *API) signinCode(w http.ResponseWriter, r *http.Request, tid string) error {
	p, cur, err := a.sessions.Authenticate(r)
	if err != nil || p.TenantID != tid || cur.Session.Stage != directory.StageMFA {
		return &formError{status: http.StatusOK, key: "bad", restart: true}
	}
	ended, err := a.checkSessionCode(w, r, p, cur, r.PostForm.Get("code"))
	switch err {
	case directory.ErrBadCode:
		return &formError{status: http.StatusOK, key: "badCode", restart: ended}
	case directory.ErrCodeLocked:
		return &formError{status: http.StatusTooManyRequests, key: "codeLocked"}
	}
	return err
}

func (a *API) signinChange(r *http.Request, tid string) error {
	p, _, err := a.sessions.Authenticate(r)
	if err != nil || p.TenantID != tid || !p.MustChangePassword {
		return &formError{status: http.StatusOK, key: "bad", restart: true}
	}
	if r.PostForm.Get("new") != r.PostForm.Get("confirm") {
		return &formError{status: http.StatusOK, key: "mismatch"}
	}
	ctx := authz.WithPrincipal(r.Context(), p)
	err = a.dir.ChangeOwnPassword(ctx, tid, r.PostForm.Get("current"), r.PostForm.Get("new"))
	if de, ok := directory.AsError(err); ok && (de.Kind == directory.KindInvalid || de.Kind == directory.KindUnauthenticated) {
		return &formError{status: http.StatusOK, message: localizedMessage(r, err)}
	}
	return err
}

// withoutUnsafe returns r as a GET, to read its session without the CSRF
// check (only to fill the form again).
func withoutUnsafe(r *http.Request) *http.Request {
	g := r.Clone(r.Context())
	g.Method = http.MethodGet
	return g
}

// originOf returns scheme://host of a URL.
func originOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Scheme + "://" + p.Host
}

// localizedMessage is an invalid-input error's message in the page's
// language (password rules have Dutch words too).
func localizedMessage(r *http.Request, err error) string {
	var pe *password.PolicyError
	if errors.As(err, &pe) {
		return pe.Message(pageLang(r))
	}
	de, _ := directory.AsError(err)
	return de.Message
}
