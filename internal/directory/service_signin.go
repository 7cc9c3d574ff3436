package directory

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// Sign-in refusals with Entra's AADSTS codes. A wrong password, an
// unknown user and a locked account all give ErrBadCredentials, so that
// nobody can learn which accounts exist; the sign-in log tells them apart.
var (
	ErrBadCredentials  = &Error{Kind: KindUnauthenticated, Code: "50126", Message: "Error validating credentials due to invalid username or password."}
	ErrAccountDisabled = &Error{Kind: KindUnauthenticated, Code: "50057", Message: "The user account is disabled."}
	ErrPasswordExpired = &Error{Kind: KindUnauthenticated, Code: "50055", Message: "The password is expired; reset it or ask your admin for a new one."}
)

// Source-address limits: after this many failed sign-ins from one address
// in the window, every further attempt from it fails unchecked.
const (
	addressWindow = 5 * time.Minute
	addressLimit  = 50
	maxLockout    = 30 * time.Minute
)

// dummyHash returns a hash at the service's parameters that no password
// matches; it is verified when the user name matches nobody, so that the
// answer takes as long as for a real account.
func (s *Service) dummyHash() string {
	s.dummyOnce.Do(func() {
		s.dummy, _ = s.hasher.Hash(newID() + newID())
	})
	return s.dummy
}

// SignInResult is a successful password check.
type SignInResult struct {
	User               User
	MustChangePassword bool // forceChangePasswordNextSignIn: change before any token is issued
}

// SignIn checks a user's password with smart lockout (users-and-passwords.md
// §8): 10 counted failures lock the account for 60 s, each further lockout
// doubles (to 30 minutes at most), repeating one of the last 3 wrong
// passwords doesn't count, and a success resets it all. Every attempt is
// written to the sign-in log. It needs no principal: it is how one is made.
func (s *Service) SignIn(ctx context.Context, tenantID, upn, pw, ip, client string) (SignInResult, error) {
	now := s.Now()
	var u User
	var found, limited bool
	var secret []byte
	var policy PasswordPolicy
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		secret, policy = t.CursorSecret, t.Settings.PasswordPolicy.WithDefaults()
		n, err := tx.AddressFailures(ip, now.Add(-addressWindow))
		if err != nil {
			return err
		}
		limited = n >= addressLimit
		u, err = tx.GetUserByUPN(upn)
		found = err == nil
		if KindOf(err) == KindNotFound || KindOf(err) == KindInvalid {
			return nil
		}
		return err
	})
	if err != nil {
		return SignInResult{}, err
	}
	hash := s.dummyHash()
	hasPassword := found && u.PasswordHash != "" // a new user may wait for their set-password link
	if hasPassword {
		hash = u.PasswordHash
	}
	ok, rehash, _ := s.hasher.Verify(hash, pw) // always pay for argon2id: no timing oracle
	ok = ok && hasPassword
	var newHash string
	if ok && rehash {
		if newHash, err = s.hasher.Hash(pw); err != nil {
			return SignInResult{}, err
		}
	}
	var refusal error
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		refusal = nil
		ev := SignInEvent{ID: newID(), At: now, UPN: upn, IPAddress: ip, ClientApp: client}
		fail := func(code int, reason string, out error) error {
			ev.ErrorCode, ev.FailureReason, refusal = code, reason, out
			if out == ErrBadCredentials {
				if err := tx.AddAddressFailure(ip, now.Add(-addressWindow), now); err != nil {
					return err
				}
			}
			return tx.AppendSignIn(&ev)
		}
		switch {
		case limited:
			return fail(50053, "Too many failed sign-ins from this address; it is blocked for a few minutes.", ErrBadCredentials)
		case !found:
			return fail(50034, "The user name matches no account of this organization.", ErrBadCredentials)
		}
		ev.UserID, ev.DisplayName = u.ID, u.DisplayName
		st, err := tx.SignInState(u.ID)
		if err != nil {
			return err
		}
		if st.LockedUntil.After(now) {
			return fail(50053, "The account is locked (smart lockout).", ErrBadCredentials)
		}
		if !ok {
			if key := badPasswordKey(secret, u.ID, pw); !slices.Contains(st.RecentBad, key) {
				st.Failures++
				st.RecentBad = append(st.RecentBad, key)
				if len(st.RecentBad) > 3 {
					st.RecentBad = st.RecentBad[len(st.RecentBad)-3:]
				}
				if st.Failures >= policy.LockoutThreshold {
					st.Lockouts++
					st.LockedUntil = now.Add(lockoutDuration(policy, st.Lockouts))
					st.Failures = policy.LockoutThreshold - 1 // one more failure after it ends locks again
				}
				if err := tx.PutSignInState(&st); err != nil {
					return err
				}
			}
			return fail(50126, "Invalid password.", ErrBadCredentials)
		}
		if !u.AccountEnabled {
			return fail(50057, "The account is disabled (sign-in blocked).", ErrAccountDisabled)
		}
		if u.ForceChangePassword && now.After(u.PasswordChangedAt.AddDate(0, 0, policy.TemporaryPasswordLifetimeDays)) {
			return fail(50055, "The temporary password is older than the tenant allows.", ErrPasswordExpired)
		}
		if err := tx.PutSignInState(&SignInState{UserID: u.ID, RecentBad: []string{}}); err != nil {
			return err
		}
		if newHash != "" {
			cur, err := tx.GetUser(u.ID)
			if err != nil {
				return err
			}
			if cur.PasswordHash == u.PasswordHash { // upgrade to the current argon2id parameters
				cur.PasswordHash = newHash
				if err := tx.UpdateUser(&cur); err != nil {
					return err
				}
			}
		}
		return tx.AppendSignIn(&ev)
	})
	if err != nil {
		return SignInResult{}, err
	}
	if refusal != nil {
		return SignInResult{}, refusal
	}
	return SignInResult{User: u, MustChangePassword: u.ForceChangePassword || policy.PasswordExpired(u.PasswordChangedAt, now)}, nil
}

// lockoutDuration doubles the tenant's lockout with each lockout in a row,
// up to 30 minutes.
func lockoutDuration(p PasswordPolicy, lockouts int) time.Duration {
	d := time.Duration(p.LockoutDurationSeconds) * time.Second
	for i := 1; i < lockouts && d < maxLockout; i++ {
		d *= 2
	}
	return min(d, maxLockout)
}

// badPasswordKey is a keyed hash of a wrong password, so that repeating it
// is recognized without storing it; a fast HMAC suffices because only its
// equality matters and the key never leaves the server.
func badPasswordKey(secret []byte, userID, pw string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("bad-password\x00" + userID + "\x00" + pw))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// UnlockUser clears a user's smart lockout.
func (s *Service) UnlockUser(ctx context.Context, tenantID, userID string) error {
	p, err := s.authorize(ctx, authz.PasswordsReset, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, userID)
		if err != nil {
			return err
		}
		if err := checkTarget(tx, p, authz.PasswordsReset, tenantID, authz.ActResetPassword, &u); err != nil && u.ID != p.UserID {
			return err
		}
		if err := tx.PutSignInState(&SignInState{UserID: u.ID, RecentBad: []string{}}); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Unlock user", "Update", userTarget(&u, nil))
	})
}

// SignInRetention is how long the sign-in log keeps an entry.
const SignInRetention = 30 * 24 * time.Hour

// PurgeSignIns deletes sign-in log entries older than the retention, in
// every tenant (a background job).
func (s *Service) PurgeSignIns(ctx context.Context) (int, error) {
	return s.store.PurgeSignIns(ctx, s.Now().Add(-SignInRetention))
}

// AuditRetention is how long the audit log keeps an event (Graph: 30
// days; the 365 days of the audit plan come with licensing).
const AuditRetention = 30 * 24 * time.Hour

// PurgeAudit deletes audit events older than the retention, in every
// tenant (a background job).
func (s *Service) PurgeAudit(ctx context.Context) (int, error) {
	return s.store.PurgeAudit(ctx, s.Now().Add(-AuditRetention))
}

// ListSignIns returns a page of the tenant's sign-in log, newest first.
func (s *Service) ListSignIns(ctx context.Context, tenantID string, q ListQuery) (Page[SignInEvent], error) {
	var page Page[SignInEvent]
	if _, err := s.authorize(ctx, authz.ReportsManage, tenantID); err != nil {
		return page, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		page, err = tx.ListSignIns(q)
		return err
	})
	return page, err
}
