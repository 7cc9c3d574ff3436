package directory

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// recoveryCodeCount is how many one-time recovery codes a registration
// gives.
const recoveryCodeCount = 10

// totpOpts are the authenticator app parameters every app understands: six
// digits, 30 seconds, SHA-1, one step of clock skew either way.
var totpOpts = totp.ValidateOpts{Period: 30, Skew: 1, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// MFAStatus tells what second factors a user has.
type MFAStatus struct {
	TOTP              bool
	RecoveryCodesLeft int
}

// GetMFAStatus returns the caller's second factors.
func (s *Service) GetMFAStatus(ctx context.Context, tenantID string) (MFAStatus, error) {
	var st MFAStatus
	p, err := caller(ctx)
	if err != nil {
		return st, err
	}
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		m, err := tx.GetTOTP(p.UserID)
		if KindOf(err) == KindNotFound {
			return nil
		} else if err != nil {
			return err
		}
		st.TOTP = m.Confirmed
		st.RecoveryCodesLeft, err = tx.UnusedRecoveryCodes(p.UserID)
		return err
	})
	return st, err
}

// BeginTOTP starts registering an authenticator app for the caller and
// returns the secret and the otpauth:// URL (for a QR code). The
// registration counts once ConfirmTOTP has seen a code from the app.
func (s *Service) BeginTOTP(ctx context.Context, tenantID string) (secret, url string, err error) {
	p, err := caller(ctx)
	if err != nil || p.UserID == "" {
		return "", "", &Error{Kind: KindInvalid, Message: "Registering an authenticator needs a user's sign-in."}
	}
	var org string
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if m, err := tx.GetTOTP(p.UserID); err == nil && m.Confirmed {
			return &Error{Kind: KindConflict, Field: "totp", Message: "An authenticator app is registered already; remove it first."}
		} else if err != nil && KindOf(err) != KindNotFound {
			return err
		}
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		org = t.Org.DisplayName
		key, err := totp.Generate(totp.GenerateOpts{Issuer: "Atrium (" + org + ")", AccountName: p.UPN, Period: 30,
			Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err != nil {
			return err
		}
		secret, url = key.Secret(), key.URL()
		return tx.PutTOTP(&TOTP{UserID: p.UserID, Secret: secret, CreatedAt: s.Now()})
	})
	return secret, url, err
}

// ConfirmTOTP completes the registration with a code from the app and
// returns one-time recovery codes, shown this once.
func (s *Service) ConfirmTOTP(ctx context.Context, tenantID, code string) ([]string, error) {
	p, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	codes := make([]string, recoveryCodeCount)
	hashes := make([]string, recoveryCodeCount)
	for i := range codes {
		b := make([]byte, 10)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		codes[i] = strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))[:16]
		hashes[i] = recoveryHash(codes[i])
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		m, err := tx.GetTOTP(p.UserID)
		if KindOf(err) == KindNotFound {
			return Invalid("code", "Start registering an authenticator app first.")
		} else if err != nil {
			return err
		}
		if m.Confirmed {
			return &Error{Kind: KindConflict, Field: "totp", Message: "The authenticator app is registered already."}
		}
		step, ok := s.checkCode(m, code)
		if !ok {
			return Invalid("code", "The code is not right; check the time on your phone and try the next code.")
		}
		m.Confirmed, m.LastStep = true, step
		if err := tx.PutTOTP(&m); err != nil {
			return err
		}
		if err := tx.ReplaceRecoveryCodes(p.UserID, hashes); err != nil {
			return err
		}
		u, err := tx.GetUser(p.UserID)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "User registered security info", "Add", userTarget(&u,
			[]ModifiedProperty{{Name: "StrongAuthenticationMethod", New: "AuthenticatorApp"}}))
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// RemoveTOTP removes the caller's authenticator app; it takes a current
// code (or a recovery code) so a stolen session alone can't.
func (s *Service) RemoveTOTP(ctx context.Context, tenantID, code string) error {
	p, err := caller(ctx)
	if err != nil {
		return err
	}
	if err := s.VerifySecondFactor(ctx, tenantID, p.UserID, code); err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := tx.DeleteTOTP(p.UserID); err != nil {
			return err
		}
		u, err := tx.GetUser(p.UserID)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "User deleted security info", "Delete", userTarget(&u,
			[]ModifiedProperty{{Name: "StrongAuthenticationMethod", Old: "AuthenticatorApp"}}))
	})
}

// HasTOTP reports whether a user has a confirmed authenticator app.
func (s *Service) HasTOTP(ctx context.Context, tenantID, userID string) (bool, error) {
	var has bool
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		m, err := tx.GetTOTP(userID)
		if KindOf(err) == KindNotFound {
			return nil
		}
		has = err == nil && m.Confirmed
		return err
	})
	return has, err
}

// ErrBadCode refuses a wrong second-factor code.
var ErrBadCode = &Error{Kind: KindInvalid, Field: "code", Message: "The code is not right, or was used already."}

// ErrCodeLocked refuses every code while the user's second factor is
// locked after too many wrong ones.
var ErrCodeLocked = &Error{Kind: KindInvalid, Field: "code", Message: "Too many wrong codes; wait 15 minutes and try again."}

// VerifySecondFactor checks a code from the user's authenticator app (each
// accepted once) or one of their unused recovery codes (used up). Wrong
// codes count per user across sign-ins; MFAFailureLimit of them lock the
// second factor for MFALockout.
func (s *Service) VerifySecondFactor(ctx context.Context, tenantID, userID, code string) error {
	code = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(code), " ", ""))
	now := s.Now()
	var refusal error
	err := s.store.Update(ctx, tenantID, func(tx Tx) error {
		refusal = nil
		f, err := tx.MFAFailures(userID)
		if err != nil {
			return err
		}
		if now.Before(f.LockedUntil) {
			refusal = ErrCodeLocked
			return nil
		}
		ok, err := s.acceptCode(tx, userID, code)
		if err != nil {
			return err
		}
		if ok {
			if f.Failures == 0 && f.LockedUntil.IsZero() {
				return nil
			}
			return tx.PutMFAFailures(&MFAFailures{UserID: userID})
		}
		refusal = ErrBadCode
		if f.Failures++; f.Failures >= MFAFailureLimit {
			f.Failures, f.LockedUntil = 0, now.Add(MFALockout)
		}
		return tx.PutMFAFailures(&f)
	})
	if err != nil {
		return err
	}
	return refusal
}

// acceptCode uses up code if it is a valid authenticator or recovery code.
func (s *Service) acceptCode(tx Tx, userID, code string) (bool, error) {
	m, err := tx.GetTOTP(userID)
	if KindOf(err) == KindNotFound || (err == nil && !m.Confirmed) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if step, ok := s.checkCode(m, code); ok && step > m.LastStep {
		m.LastStep = step
		return true, tx.PutTOTP(&m)
	}
	if len(code) == 16 {
		err := tx.UseRecoveryCode(userID, recoveryHash(code), s.Now())
		if err == nil {
			return true, nil
		} else if KindOf(err) != KindNotFound {
			return false, err
		}
	}
	return false, nil
}

// checkCode validates a six-digit code at the service clock and returns
// its time step.
func (s *Service) checkCode(m TOTP, code string) (int64, bool) {
	now := s.Now()
	for _, d := range []time.Duration{0, -30 * time.Second, 30 * time.Second} {
		at := now.Add(d)
		if want, err := totp.GenerateCodeCustom(m.Secret, at, totpOpts); err == nil && len(code) == 6 && want == code {
			return at.Unix() / 30, true
		}
	}
	return 0, false
}

// recoveryHash is the stored form of a recovery code: a fast hash, enough
// for 80 random bits.
func recoveryHash(code string) string {
	sum := sha256.Sum256([]byte("atrium recovery\x00" + code))
	return hex.EncodeToString(sum[:])
}
