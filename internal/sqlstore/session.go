package sqlstore

import (
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) CreateSession(s *directory.Session) error {
	_, err := t.exec(`INSERT INTO sessions (tenant_id, id, user_id, created_at, seen_at, expires_at, ip, user_agent, stage, mfa_failures)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, s.ID, s.UserID, micros(s.CreatedAt), micros(s.SeenAt), micros(s.ExpiresAt),
		s.IPAddress, s.UserAgent, s.Stage, s.MFAFailures)
	if isUnique(err) {
		return directory.Conflict("id")
	}
	return err
}

func (t *tx) GetSession(id string) (directory.Session, error) {
	s := directory.Session{ID: id}
	var created, seen, expires int64
	err := t.queryRow(`SELECT user_id, created_at, seen_at, expires_at, ip, user_agent, stage, mfa_failures FROM sessions
		WHERE tenant_id = $1 AND id = $2`, id).Scan(&s.UserID, &created, &seen, &expires, &s.IPAddress, &s.UserAgent, &s.Stage, &s.MFAFailures)
	s.CreatedAt, s.SeenAt, s.ExpiresAt = fromMicros(created), fromMicros(seen), fromMicros(expires)
	return s, notFound(err, "session")
}

func (t *tx) TouchSession(id string, at time.Time) error {
	return t.execOne("session", "UPDATE sessions SET seen_at = $3 WHERE tenant_id = $1 AND id = $2", id, micros(at))
}

func (t *tx) DeleteSession(id string) error {
	return t.execOne("session", "DELETE FROM sessions WHERE tenant_id = $1 AND id = $2", id)
}

func (t *tx) DeleteUserSessions(userID string) error {
	_, err := t.exec("DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2", userID)
	return err
}

func (t *tx) SetSessionStage(id, stage string, mfaFailures int) error {
	return t.execOne("session", "UPDATE sessions SET stage = $3, mfa_failures = $4 WHERE tenant_id = $1 AND id = $2", id, stage, mfaFailures)
}
