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
