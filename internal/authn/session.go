package authn

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

// Sessions issues and checks the browser session cookie. The cookie holds
// "<tenant id>.<secret>"; the database keeps only the secret's SHA-256 (a
// fast hash is enough for 256 random bits). Unsafe requests must carry the
// session's CSRF token in X-CSRF-Token (or a form field), and a
// cross-site Origin is refused.
type Sessions struct {
	dir    *directory.Service
	origin string // scheme://host of the public URL
	secure bool
	name   string
}

// CSRFHeader is the request header that carries the CSRF token; HTML
// forms send it as the field CSRFFormField.
const (
	CSRFHeader    = "X-CSRF-Token"
	CSRFFormField = "csrf_token"
)

// NewSessions returns the session manager for a deployment reached at
// publicURL; over https the cookie is Secure and __Host- prefixed.
func NewSessions(dir *directory.Service, publicURL string) *Sessions {
	u, _ := url.Parse(publicURL)
	s := &Sessions{dir: dir, name: "atrium_session"}
	if u != nil {
		s.origin = u.Scheme + "://" + u.Host
		s.secure = u.Scheme == "https"
	}
	if s.secure {
		s.name = "__Host-atrium_session"
	}
	return s
}

func sessionID(secret []byte) string {
	sum := sha256.Sum256(secret)
	return hex.EncodeToString(sum[:])
}

// csrfToken derives the CSRF token of a session from its secret.
func csrfToken(secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("atrium csrf"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// Start creates a session for a user whose password was right, in stage
// (see directory.SecondFactorStage), sets the cookie and returns the CSRF
// token the page must send back.
func (s *Sessions) Start(w http.ResponseWriter, r *http.Request, tenantID, userID, stage string) (string, error) {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return "", err
	}
	ua := r.UserAgent()
	if len(ua) > 256 {
		ua = ua[:256]
	}
	sess, err := s.dir.StartSession(r.Context(), tenantID, directory.Session{ID: sessionID(secret), UserID: userID,
		IPAddress: clientIP(r), UserAgent: ua, Stage: stage})
	if err != nil {
		return "", err
	}
	http.SetCookie(w, &http.Cookie{Name: s.name, Value: tenantID + "." + base64.RawURLEncoding.EncodeToString(secret),
		Path: "/", HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode, Expires: sess.ExpiresAt})
	return csrfToken(secret), nil
}

// fromCookie reads the tenant and secret of the request's session cookie.
func (s *Sessions) fromCookie(r *http.Request) (string, []byte, bool) {
	c, err := r.Cookie(s.name)
	if err != nil {
		return "", nil, false
	}
	tenant, enc, ok := strings.Cut(c.Value, ".")
	secret, err := base64.RawURLEncoding.DecodeString(enc)
	if !ok || err != nil || len(secret) != 32 {
		return "", nil, false
	}
	return tenant, secret, true
}

// HasCookie reports whether the request carries a session cookie.
func (s *Sessions) HasCookie(r *http.Request) bool {
	_, _, ok := s.fromCookie(r)
	return ok
}

// Current is the session of a request and its CSRF token.
type Current struct {
	Session directory.Session
	CSRF    string
}

// Authenticate returns the principal of the request's session, checking
// the CSRF token and origin of unsafe requests, and the session with the
// CSRF token to hand to the page.
func (s *Sessions) Authenticate(r *http.Request) (authz.Principal, Current, error) {
	var cur Current
	tenant, secret, ok := s.fromCookie(r)
	if !ok {
		return authz.Principal{}, cur, ErrNoToken
	}
	sess, err := s.dir.FindSession(r.Context(), tenant, sessionID(secret))
	if directory.KindOf(err) == directory.KindNotFound {
		return authz.Principal{}, cur, &Error{"The session has ended; sign in again."}
	} else if err != nil {
		return authz.Principal{}, cur, err
	}
	cur = Current{Session: sess, CSRF: csrfToken(secret)}
	if unsafeMethod(r.Method) {
		if o := r.Header.Get("Origin"); o != "" && o != s.origin {
			return authz.Principal{}, cur, &CSRFError{"Cross-site request refused: it comes from " + o + "."}
		}
		token := r.Header.Get(CSRFHeader)
		if token == "" && r.PostForm != nil {
			token = r.PostForm.Get(CSRFFormField) // an HTML form the caller parsed already
		}
		if !hmac.Equal([]byte(token), []byte(cur.CSRF)) {
			return authz.Principal{}, cur, &CSRFError{"The request lacks the session's " + CSRFHeader + " header."}
		}
	}
	p, err := s.dir.LoadPrincipal(r.Context(), tenant, sess.UserID)
	if err != nil {
		return p, cur, err
	}
	p.IPAddress = clientIP(r)
	return p, cur, nil
}

// CSRFError refuses a cookie-authenticated request that may come from
// another site.
type CSRFError struct{ Message string }

func (e *CSRFError) Error() string { return e.Message }

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

// End signs the request's session out and clears the cookie.
func (s *Sessions) End(w http.ResponseWriter, r *http.Request) error {
	if tenant, secret, ok := s.fromCookie(r); ok {
		if err := s.dir.EndSession(r.Context(), tenant, sessionID(secret)); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: s.name, Value: "", Path: "/", HttpOnly: true, Secure: s.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
	return nil
}
