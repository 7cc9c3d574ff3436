package directory

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
)

// Application is an app registration: a client that signs people in or
// calls the API with its own credentials.
type Application struct {
	ID          string // object id
	AppID       string // the client id
	DisplayName string
	Spec        AppSpec
	CreatedAt   time.Time
	Secrets     []AppSecret
}

// AppSpec are an application's settings.
type AppSpec struct {
	WebRedirectURIs    []string `json:"webRedirectUris"`
	SPARedirectURIs    []string `json:"spaRedirectUris"`
	PublicRedirectURIs []string `json:"publicRedirectUris"`
	// IsFallbackPublicClient marks a public client (no secret: CLI, mobile).
	IsFallbackPublicClient bool `json:"isFallbackPublicClient"`
	// AppPermissions are the application permissions the app holds when
	// it acts on its own (client credentials), such as User.Read.All.
	// Only a Global admin registers apps, so adding one is the admin
	// consent.
	AppPermissions []string `json:"appPermissions,omitempty"`
}

// AppSecret is a client secret. Only a hash and a hint of the value are
// kept; the value itself is shown once, when the secret is added.
type AppSecret struct {
	KeyID       string
	DisplayName string
	Hint        string // the first 3 characters, as Entra shows
	Hash        string
	StartAt     time.Time
	EndAt       time.Time
}

// AppInput is a new app registration or a change to one; nil fields are
// left as they are.
type AppInput struct {
	DisplayName            *string
	WebRedirectURIs        *[]string
	SPARedirectURIs        *[]string
	PublicRedirectURIs     *[]string
	IsFallbackPublicClient *bool
	AppPermissions         *[]string
}

// Limits on app registrations, as Entra sets them: 256 redirect URIs of at
// most 256 characters each. Entra has no small cap on secrets; Atrium keeps
// five per app, enough to rotate without piling up forgotten credentials.
const (
	maxRedirectURIs   = 256
	maxRedirectURILen = 256
	maxAppSecrets     = 5
	// maxSecretLifetime is the longest a client secret may live; Entra's
	// own portal stops at 24 months.
	maxSecretLifetime = 2 * 365 * 24 * time.Hour
)

// apply applies in to a, checking every field.
func (in AppInput) apply(a *Application) error {
	if in.DisplayName != nil {
		n := strings.TrimSpace(*in.DisplayName)
		if c := utf8.RuneCountInString(n); c < 1 || c > 256 || strings.ContainsFunc(n, isControl) {
			return Invalid("displayName", "displayName is required: 1 to 256 characters, no control characters.")
		}
		a.DisplayName = n
	}
	lists := []struct {
		in    *[]string
		out   *[]string
		field string
		kind  redirectKind
	}{
		{in.WebRedirectURIs, &a.Spec.WebRedirectURIs, "web.redirectUris", redirectWeb},
		{in.SPARedirectURIs, &a.Spec.SPARedirectURIs, "spa.redirectUris", redirectWeb},
		{in.PublicRedirectURIs, &a.Spec.PublicRedirectURIs, "publicClient.redirectUris", redirectPublic},
	}
	for _, l := range lists {
		if l.in == nil {
			continue
		}
		uris, err := checkRedirectURIs(l.field, *l.in, l.kind)
		if err != nil {
			return err
		}
		*l.out = uris
	}
	if n := len(a.Spec.WebRedirectURIs) + len(a.Spec.SPARedirectURIs) + len(a.Spec.PublicRedirectURIs); n > maxRedirectURIs {
		return Invalid("redirectUris", "An application can have at most %d redirect URIs in all; this change gives it %d.", maxRedirectURIs, n)
	}
	if in.IsFallbackPublicClient != nil {
		a.Spec.IsFallbackPublicClient = *in.IsFallbackPublicClient
	}
	if in.AppPermissions != nil {
		perms := slices.Clone(*in.AppPermissions)
		slices.Sort(perms)
		perms = slices.Compact(perms)
		for _, p := range perms {
			if !authz.IsAppPermission(p) {
				return Invalid("appPermissions", "'%s' is not an application permission Atrium knows; use one of %s.", p, strings.Join(authz.AppPermissionNames(), ", "))
			}
		}
		a.Spec.AppPermissions = perms
	}
	return nil
}

type redirectKind int

const (
	redirectWeb    redirectKind = iota // https, or http on the loopback
	redirectPublic                     // also an app's own scheme (myapp://)
)

// checkRedirectURIs validates one list of redirect URIs: absolute, no
// fragment, no wildcard, no duplicate; web and SPA URIs use https except
// on the loopback, where http is allowed for development.
func checkRedirectURIs(field string, uris []string, kind redirectKind) ([]string, error) {
	seen := map[string]bool{}
	out := make([]string, 0, len(uris))
	for _, raw := range uris {
		if len(raw) > maxRedirectURILen {
			return nil, Invalid(field, "A redirect URI can be at most %d characters long.", maxRedirectURILen)
		}
		u, err := url.Parse(raw)
		if err != nil || !u.IsAbs() || strings.ContainsFunc(raw, isControl) || strings.ContainsAny(raw, " \\") {
			return nil, Invalid(field, "'%s' is not an absolute URI.", raw)
		}
		if u.Fragment != "" || strings.Contains(raw, "#") {
			return nil, Invalid(field, "Redirect URI '%s' can't contain a fragment (#).", raw)
		}
		if strings.Contains(raw, "*") {
			return nil, Invalid(field, "Redirect URI '%s' can't contain a wildcard (*).", raw)
		}
		if err := checkScheme(field, raw, u, kind); err != nil {
			return nil, err
		}
		if seen[raw] {
			return nil, Invalid(field, "Redirect URI '%s' is listed twice.", raw)
		}
		seen[raw] = true
		out = append(out, raw)
	}
	return out, nil
}

func checkScheme(field, raw string, u *url.URL, kind redirectKind) error {
	loopback := u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1" || u.Hostname() == "::1"
	switch s := strings.ToLower(u.Scheme); {
	case s == "https" && u.Host != "":
		return nil
	case s == "http" && loopback:
		return nil
	case s == "http":
		return Invalid(field, "Redirect URI '%s' must use https; http is allowed only for localhost.", raw)
	case kind == redirectPublic && s != "javascript" && s != "data" && s != "file" && s != "vbscript" && s != "https":
		return nil
	}
	return Invalid(field, "Redirect URI '%s' must be an https URL%s.", raw, map[bool]string{true: " or an app scheme such as myapp://auth"}[kind == redirectPublic])
}
