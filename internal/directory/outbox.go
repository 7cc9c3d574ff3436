package directory

import "time"

// OutboxMessage is a message waiting to go out (or sent): written in the
// same transaction as the change that causes it, delivered by a background
// job with retries.
type OutboxMessage struct {
	ID        string
	TenantID  string
	CreatedAt time.Time
	Channel   string // "email" or "sms"
	Recipient string
	Subject   string
	Body      string
	Attempts  int
	NextAt    time.Time
	SentAt    time.Time // zero until sent
	LastError string
}

// ResetChallenge is a self-service password reset in progress: one gate per
// method the user must pass, each with a keyed hash of its code.
type ResetChallenge struct {
	ID        string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	Gates     []ResetGate
	Tries     int
	Done      bool
}

// ResetGate is one verification method of a reset.
type ResetGate struct {
	Channel  string `json:"channel"` // email or sms
	CodeHash string `json:"codeHash"`
	Passed   bool   `json:"passed"`
}
