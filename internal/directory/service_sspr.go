package directory

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/password"
)

// Self-service reset limits: a code lives 10 minutes and a reset takes at
// most 5 wrong codes (users-and-passwords.md §9.1).
const (
	resetCodeTTL   = 10 * time.Minute
	resetMaxTries  = 5
	adminTwoGateAt = 30 * 24 * time.Hour // tenants older than this make admins pass two gates
)

// ErrResetCode refuses a wrong, used up or expired reset code, the same
// way whether or not the account exists.
var ErrResetCode = &Error{Kind: KindInvalid, Field: "code", Message: "The code is wrong or has expired; start again if needed."}

// StartPasswordReset begins a self-service reset for the user name and
// sends a code to each method the user must verify: the alternate email,
// and for admins of established tenants also the mobile phone. It always
// returns a challenge id, so the answer tells nothing about the account.
func (s *Service) StartPasswordReset(ctx context.Context, tenantID, upn, ip string) (string, error) {
	id, now := newID(), s.Now()
	var u User
	var found, admin bool
	var t Tenant
	var custom bool
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		var err error
		if t, err = tx.Tenant(); err != nil {
			return err
		}
		ds, err := tx.ListDomains()
		if err != nil {
			return err
		}
		custom = slices.ContainsFunc(ds, func(d Domain) bool { return d.IsVerified && !d.IsInitial })
		u, err = tx.GetUserByUPN(upn)
		if KindOf(err) == KindNotFound || KindOf(err) == KindInvalid {
			return nil
		} else if err != nil {
			return err
		}
		found = true
		admin, err = isAdmin(tx, u.ID)
		return err
	})
	if err != nil {
		return "", err
	}
	policy := t.Settings.PasswordPolicy.WithDefaults()
	var channels []string
	switch {
	case !found || !u.AccountEnabled || u.Synced():
	case admin:
		channels = []string{"email"}
		if custom || now.Sub(t.CreatedAt) > adminTwoGateAt { // the two-gate rule (§9.2, modern)
			channels = append(channels, "sms")
		}
	case policy.SSPRScope == "all":
		channels = []string{"email"}
		if len(u.OtherMails) == 0 {
			channels = []string{"sms"}
		}
	}
	if (slices.Contains(channels, "email") && len(u.OtherMails) == 0) || (slices.Contains(channels, "sms") && u.MobilePhone == "") {
		channels = nil // the account lacks a method it needs: nothing to send
	}
	if len(channels) == 0 {
		return id, nil
	}
	c := ResetChallenge{ID: id, UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(resetCodeTTL)}
	var messages []OutboxMessage
	for _, ch := range channels {
		code := fmt.Sprintf("%08d", password.RandInt(100_000_000))
		c.Gates = append(c.Gates, ResetGate{Channel: ch, CodeHash: resetCodeHash(t.CursorSecret, id, ch, code)})
		m := OutboxMessage{ID: newID(), CreatedAt: now, Channel: ch, NextAt: now,
			Subject: "Your " + t.Org.DisplayName + " password reset code",
			Body: "Someone (hopefully you) asked to reset the password of " + u.UserPrincipalName + ".\n\nYour code: " + code +
				"\n\nIt is valid for 10 minutes. If you didn't ask, ignore this message.\n"}
		if ch == "email" {
			m.Recipient = u.OtherMails[0]
		} else {
			m.Recipient, m.Body = u.MobilePhone, "Your "+t.Org.DisplayName+" reset code: "+code
		}
		messages = append(messages, m)
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := tx.CreateChallenge(&c); err != nil {
			return err
		}
		for i := range messages {
			if err := tx.EnqueueMessage(&messages[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

// resetCodeHash keys a reset code to its challenge and channel.
func resetCodeHash(secret []byte, challengeID, channel, code string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("reset\x00" + challengeID + "\x00" + channel + "\x00" + code))
	return hex.EncodeToString(m.Sum(nil))
}

// VerifyResetCode checks the code a user received on one channel.
func (s *Service) VerifyResetCode(ctx context.Context, tenantID, challengeID, channel, code string) error {
	now := s.Now()
	var refused bool
	err := s.store.Update(ctx, tenantID, func(tx Tx) error {
		refused = false
		c, err := tx.GetChallenge(challengeID)
		if KindOf(err) == KindNotFound {
			refused = true
			return nil
		} else if err != nil {
			return err
		}
		if c.Done || now.After(c.ExpiresAt) || c.Tries >= resetMaxTries {
			refused = true
			return nil
		}
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		want := resetCodeHash(t.CursorSecret, c.ID, channel, strings.TrimSpace(code))
		i := slices.IndexFunc(c.Gates, func(g ResetGate) bool { return g.Channel == channel })
		if i < 0 || !hmac.Equal([]byte(c.Gates[i].CodeHash), []byte(want)) {
			c.Tries++
			refused = true
		} else {
			c.Gates[i].Passed = true
		}
		return tx.UpdateChallenge(&c)
	})
	if err == nil && refused {
		return ErrResetCode
	}
	return err
}

// CompletePasswordReset sets the new password once every gate is passed:
// the policy applies, the lockout ends and every session is signed out.
func (s *Service) CompletePasswordReset(ctx context.Context, tenantID, challengeID, newPassword, ip string) error {
	now := s.Now()
	var c ResetChallenge
	var u User
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		var err error
		if c, err = tx.GetChallenge(challengeID); err != nil {
			return err
		}
		u, err = tx.GetUser(c.UserID)
		return err
	})
	if KindOf(err) == KindNotFound || (err == nil && (c.Done || now.After(c.ExpiresAt) ||
		slices.ContainsFunc(c.Gates, func(g ResetGate) bool { return !g.Passed }))) {
		return ErrResetCode
	} else if err != nil {
		return err
	}
	np, self, err := s.ownNewPassword(ctx, tenantID, &u, newPassword, ip)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		cur, err := tx.GetChallenge(challengeID)
		if err != nil {
			return err
		}
		if cur.Done {
			return ErrResetCode
		}
		cur.Done = true
		if err := tx.UpdateChallenge(&cur); err != nil {
			return err
		}
		user, err := tx.GetUser(u.ID)
		if err != nil {
			return err
		}
		if err := setOwnPassword(tx, &user, np); err != nil {
			return err
		}
		return s.audit(ctx, tx, self, "UserManagement", "Reset password (self-service)", "Update", userTarget(&user, nil))
	})
}

// DueMessages lists outbox messages of a channel due for delivery (for the
// mailer job).
func (s *Service) DueMessages(ctx context.Context, channel string, limit int) ([]OutboxMessage, error) {
	return s.store.DueMessages(ctx, channel, s.Now(), limit)
}

// ClaimMessage leases a message to this replica for lease.
func (s *Service) ClaimMessage(ctx context.Context, m OutboxMessage, lease time.Duration) (bool, error) {
	return s.store.ClaimMessage(ctx, m, s.Now().Add(lease))
}

// FinishMessage records a delivery attempt; a failure is retried with
// exponential backoff, up to an hour apart. A sent message's body is not
// kept: it may hold a reset code, a temporary password or a set-password
// link.
func (s *Service) FinishMessage(ctx context.Context, m OutboxMessage, sendErr error) error {
	m.Attempts++
	if sendErr == nil {
		m.SentAt, m.LastError, m.Body = s.Now(), "", ""
	} else {
		backoff := time.Minute << min(m.Attempts-1, 6)
		m.NextAt, m.LastError = s.Now().Add(min(backoff, time.Hour)), truncate(sendErr.Error(), 500)
	}
	return s.store.FinishMessage(ctx, m)
}

// Outbox lists the newest messages of every tenant (operator CLI).
func (s *Service) Outbox(ctx context.Context, limit int) ([]OutboxMessage, error) {
	if p, _ := authz.FromContext(ctx); !p.Operator {
		return nil, Denied(nil)
	}
	return s.store.ListOutbox(ctx, limit)
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// ownNewPassword checks and hashes a password a user sets for themself
// without signing in (self-service reset, a set-password link), and
// returns it with the user as the audit's actor.
func (s *Service) ownNewPassword(ctx context.Context, tenantID string, u *User, pw, ip string) (newPassword, authz.Principal, error) {
	self := authz.Principal{UserID: u.ID, TenantID: tenantID, UPN: u.UserPrincipalName, DisplayName: u.DisplayName, IPAddress: ip}
	terms, err := s.passwordTerms(ctx, tenantID, u.GivenName, u.Surname)
	if err != nil {
		return newPassword{}, self, err
	}
	np, err := s.hashPassword(&PasswordProfile{Password: pw}, terms)
	return np, self, err
}

// setOwnPassword stores such a password: the lockout ends and every
// session and refresh token of the user is signed out.
func setOwnPassword(tx Tx, u *User, np newPassword) error {
	np.apply(u)
	if err := tx.UpdateUser(u); err != nil {
		return err
	}
	if err := tx.PutSignInState(&SignInState{UserID: u.ID, RecentBad: []string{}}); err != nil {
		return err
	}
	return endSignIns(tx, u.ID)
}
