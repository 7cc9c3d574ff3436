package directory

import "time"

// SignInState is a user's smart lockout state.
type SignInState struct {
	UserID      string
	Failures    int       // counted failures since the last success or lockout
	Lockouts    int       // lockouts in a row; each doubles the next
	LockedUntil time.Time // zero when not locked
	RecentBad   []string  // keyed hashes of the last 3 wrong passwords
}

// MFAFailures counts a user's wrong second-factor codes. A right password
// doesn't reset it (else a thief with the password could guess codes
// forever, five per sign-in); a right code does.
type MFAFailures struct {
	UserID      string
	Failures    int
	LockedUntil time.Time // zero when not locked
}

// Second-factor lockout: this many wrong codes in a row lock the user's
// second factor for MFALockout, however many sign-ins they span. Ten
// guesses per quarter hour make guessing a six-digit code a matter of
// years.
const (
	MFAFailureLimit = 10
	MFALockout      = 15 * time.Minute
)

// SignInEvent is one entry of the sign-in log.
type SignInEvent struct {
	ID            string
	At            time.Time
	UserID        string // empty when the user name matched nobody
	UPN           string // as typed
	DisplayName   string
	IPAddress     string
	ClientApp     string
	ErrorCode     int // 0 for success, else the AADSTS code
	FailureReason string
}
