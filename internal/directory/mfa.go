package directory

import "time"

// TOTP is a user's authenticator app registration.
type TOTP struct {
	UserID    string
	Secret    string // base32; the app holds the same
	Confirmed bool   // a code from the app has been seen
	CreatedAt time.Time
	LastStep  int64 // the last time step accepted, so a code works once
}

// Session stages: what a session still needs before it is complete.
const (
	StageComplete = ""       // signed in
	StageMFA      = "mfa"    // waiting for the second factor
	StageEnroll   = "enroll" // must register an authenticator first (security defaults)
)
