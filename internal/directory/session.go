package directory

import (
	"context"
	"time"
)

// Session is a browser session: the id is a hash of the secret the
// browser holds, so the database alone can't be used to take a session
// over.
type Session struct {
	ID        string
	UserID    string
	CreatedAt time.Time
	SeenAt    time.Time
	ExpiresAt time.Time
	IPAddress string
	UserAgent string
	Stage     string // StageComplete, StageMFA or StageEnroll
	// MFAFailures counts wrong second-factor codes of this session.
	MFAFailures int
}

// Session lifetimes: a session ends after an hour without use, and after
// twelve hours in any case.
const (
	SessionIdle     = time.Hour
	SessionLifetime = 12 * time.Hour
	sessionTouch    = 5 * time.Minute // how stale SeenAt may get before a request refreshes it
)

// StartSession records a new session for a user who just signed in.
func (s *Service) StartSession(ctx context.Context, tenantID string, sess Session) (Session, error) {
	now := s.Now()
	sess.CreatedAt, sess.SeenAt, sess.ExpiresAt = now, now, now.Add(SessionLifetime)
	err := s.store.Update(ctx, tenantID, func(tx Tx) error { return tx.CreateSession(&sess) })
	return sess, err
}

// FindSession returns a live session by id, refreshing its last use now and
// then; an expired or idle one is removed and not found.
func (s *Service) FindSession(ctx context.Context, tenantID, id string) (Session, error) {
	now := s.Now()
	var sess Session
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		sess, err = tx.GetSession(id)
		return err
	})
	if err != nil {
		return sess, err
	}
	if now.After(sess.ExpiresAt) || now.Sub(sess.SeenAt) > SessionIdle {
		_ = s.store.Update(ctx, tenantID, func(tx Tx) error { return tx.DeleteSession(id) })
		return Session{}, NotFound(id)
	}
	if now.Sub(sess.SeenAt) > sessionTouch {
		sess.SeenAt = now
		err = s.store.Update(ctx, tenantID, func(tx Tx) error { return tx.TouchSession(id, now) })
	}
	return sess, err
}

// SecondFactorStage returns the stage a new session of the user starts in:
// StageMFA when they have an authenticator app, StageEnroll when security
// defaults require one of an admin who has none, else StageComplete.
func (s *Service) SecondFactorStage(ctx context.Context, tenantID, userID string) (string, error) {
	stage := StageComplete
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		m, err := tx.GetTOTP(userID)
		switch {
		case err == nil && m.Confirmed:
			stage = StageMFA
			return nil
		case err != nil && KindOf(err) != KindNotFound:
			return err
		}
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		if d := t.Settings.SecurityDefaults; d == nil || *d {
			admin, err := isAdmin(tx, userID)
			if admin {
				stage = StageEnroll
			}
			return err
		}
		return nil
	})
	return stage, err
}

// SetSessionStage moves a session on (or counts a wrong code).
func (s *Service) SetSessionStage(ctx context.Context, tenantID, id, stage string, mfaFailures int) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error { return tx.SetSessionStage(id, stage, mfaFailures) })
}

// EndSession signs one session out.
func (s *Service) EndSession(ctx context.Context, tenantID, id string) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		err := tx.DeleteSession(id)
		if KindOf(err) == KindNotFound {
			return nil
		}
		return err
	})
}

// EndUserSessions signs a user out everywhere.
func (s *Service) EndUserSessions(ctx context.Context, tenantID, userID string) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error { return endSignIns(tx, userID) })
}

// endSignIns ends a user's browser sessions and revokes their refresh
// tokens, so that apps must sign them in again.
func endSignIns(tx Tx, userID string) error {
	if err := tx.DeleteUserSessions(userID); err != nil {
		return err
	}
	return tx.DeleteUserRefreshTokens(userID)
}
