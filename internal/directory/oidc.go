package directory

import "time"

// AuthRequest is an OpenID Connect authorization request, kept from the
// authorize call until its code is exchanged, so that any replica can
// serve each step.
type AuthRequest struct {
	ID       string
	Spec     AuthRequestSpec
	UserID   string // set once the user has signed in
	CodeHash string // set once a code is issued
	Expires  time.Time
}

// AuthRequestSpec is what the client asked for, and how the user signed in.
type AuthRequestSpec struct {
	ClientID            string    `json:"clientId"`
	RedirectURI         string    `json:"redirectUri"`
	Scopes              []string  `json:"scopes"`
	State               string    `json:"state"`
	Nonce               string    `json:"nonce"`
	ResponseType        string    `json:"responseType"`
	ResponseMode        string    `json:"responseMode"`
	CodeChallenge       string    `json:"codeChallenge"`
	CodeChallengeMethod string    `json:"codeChallengeMethod"`
	AuthTime            time.Time `json:"authTime"`
	AMR                 []string  `json:"amr"`
}

// RefreshToken is an issued refresh token. Its ID is the SHA-256 of the
// value; tokens rotated from one another share a FamilyID.
type RefreshToken struct {
	ID        string
	FamilyID  string
	UserID    string
	ClientID  string
	Spec      RefreshSpec
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    time.Time // zero until exchanged for a new one
}

// RefreshSpec is the grant a refresh token carries forward.
type RefreshSpec struct {
	Scopes   []string  `json:"scopes"`
	AuthTime time.Time `json:"authTime"`
	AMR      []string  `json:"amr"`
}

// Lifetimes of the OpenID Connect state.
const (
	// AuthRequestLifetime bounds how long a sign-in may take, from
	// authorize to the code exchange.
	AuthRequestLifetime = 15 * time.Minute
	// RefreshLifetime is how long a refresh token lives; each use gives a
	// new one with a new lifetime (Entra's 90 days, sliding).
	RefreshLifetime = 90 * 24 * time.Hour
)

// DeviceAuthorization is a device code flow (RFC 8628) in progress: a
// device (the atrium CLI) polls with the device code while its user signs
// in on a browser with the short user code.
type DeviceAuthorization struct {
	ID       string // SHA-256 of the device code
	UserCode string
	ClientID string
	Spec     DeviceSpec
	UserID   string // who approved it
	State    string // DevicePending, DeviceApproved, DeviceDenied, DeviceUsed
	Expires  time.Time
}

// DeviceSpec is what the device asked for and how its user signed in.
type DeviceSpec struct {
	Scopes   []string  `json:"scopes"`
	AuthTime time.Time `json:"authTime"`
	AMR      []string  `json:"amr"`
}

// States of a device authorization.
const (
	DevicePending  = "pending"
	DeviceApproved = "approved"
	DeviceDenied   = "denied"
	DeviceUsed     = "used" // its tokens were issued; the device code is spent
)
