package directory

import (
	"errors"
	"fmt"

	"github.com/atriumhq/atrium/internal/authz"
)

// ErrorKind classifies a domain error; the API maps each kind to one HTTP
// status in one place.
type ErrorKind int

// The error kinds. Keep them few: callers branch on the kind, people read the
// message.
const (
	KindInternal         ErrorKind = iota // a bug or an outside failure; the message stays in the log
	KindNotFound                          // the object does not exist in this tenant (or exists in another)
	KindInvalid                           // bad input or a business rule refused the change
	KindConflict                          // a unique name or address is taken
	KindDenied                            // the principal may not do this
	KindUnauthenticated                   // no valid principal
	KindUnsupportedQuery                  // a well-formed query the service does not support
	KindSyncMastered                      // a write to an attribute mastered on-premises
	KindStale                             // the If-Match etag names an older version of the object
)

// Error is a domain error with a message safe to show to the caller.
type Error struct {
	Kind    ErrorKind
	Field   string // the property the error is about, if any
	Message string // public, never contains secrets
	// MessageNL is the message in Dutch, for the errors that have one.
	MessageNL string
	Code      string // optional finer code, e.g. "ObjectConflict"
	Err       error  // wrapped cause, for logs only
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the kind of err, KindInternal for errors that are not
// domain errors.
func KindOf(err error) ErrorKind {
	var de *Error
	if errors.As(err, &de) {
		return de.Kind
	}
	return KindInternal
}

// AsError returns the domain error in err's chain, if any.
func AsError(err error) (*Error, bool) {
	var de *Error
	ok := errors.As(err, &de)
	return de, ok
}

// NotFound reports that the object id does not exist in the tenant.
func NotFound(id string) error {
	return &Error{Kind: KindNotFound, Message: fmt.Sprintf("Resource '%s' does not exist or one of its queried reference-property objects are not present.", id)}
}

// Invalid reports bad input about field.
func Invalid(field, format string, args ...any) error {
	return &Error{Kind: KindInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Conflict reports that another object already uses the value of field.
func Conflict(field string) error {
	return &Error{Kind: KindConflict, Field: field, Code: "ObjectConflict",
		Message: fmt.Sprintf("Another object with the same value for property %s already exists.", field)}
}

// Stale reports that ifMatch names an older version of the object id.
func Stale(id string) error {
	return &Error{Kind: KindStale, Message: fmt.Sprintf("The If-Match etag doesn't match the current version of %s; read it again and retry.", id)}
}

// Denied turns an authorization refusal into a domain error that keeps its
// explanation.
func Denied(err error) error {
	var r *authz.Refusal
	if errors.As(err, &r) {
		return &Error{Kind: KindDenied, Field: string(r.Permission), Code: r.Rule, Message: r.Message, Err: err}
	}
	return &Error{Kind: KindDenied, Message: "Insufficient privileges to complete the operation.", Err: err}
}

// UnsupportedQuery reports a query the service does not support.
func UnsupportedQuery(format string, args ...any) error {
	return &Error{Kind: KindUnsupportedQuery, Message: fmt.Sprintf(format, args...)}
}

// ErrSyncMastered is returned for writes to attributes that directory
// synchronization owns.
var ErrSyncMastered = &Error{Kind: KindSyncMastered,
	Message: "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration."}
