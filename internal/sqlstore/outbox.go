package sqlstore

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

const outboxCols = "tenant_id, id, created_at, channel, recipient, subject, body, attempts, next_at, sent_at, last_error"

func (t *tx) EnqueueMessage(m *directory.OutboxMessage) error {
	_, err := t.exec(`INSERT INTO outbox (`+outboxCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		m.ID, micros(m.CreatedAt), m.Channel, m.Recipient, m.Subject, m.Body, m.Attempts, micros(m.NextAt), micros(m.SentAt), m.LastError)
	return err
}

func scanMessage(r scanner) (directory.OutboxMessage, error) {
	var m directory.OutboxMessage
	var created, next, sent int64
	err := r.Scan(&m.TenantID, &m.ID, &created, &m.Channel, &m.Recipient, &m.Subject, &m.Body, &m.Attempts, &next, &sent, &m.LastError)
	m.CreatedAt, m.NextAt, m.SentAt = fromMicros(created), fromMicros(next), fromMicros(sent)
	return m, err
}

func (s *Store) messages(ctx context.Context, q string, args ...any) ([]directory.OutboxMessage, error) {
	rows, err := s.reader.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.OutboxMessage
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// DueMessages lists due, unsent messages of a channel in every tenant.
func (s *Store) DueMessages(ctx context.Context, channel string, now time.Time, limit int) ([]directory.OutboxMessage, error) {
	return s.messages(ctx, "SELECT "+outboxCols+" FROM outbox WHERE channel = $1 AND sent_at = 0 AND next_at <= $2 ORDER BY next_at LIMIT "+
		strconv.Itoa(limit), channel, micros(now))
}

// ClaimMessage leases a message to this replica until the given time.
func (s *Store) ClaimMessage(ctx context.Context, m directory.OutboxMessage, until time.Time) (bool, error) {
	res, err := s.writer.ExecContext(ctx, "UPDATE outbox SET next_at = $4 WHERE tenant_id = $1 AND id = $2 AND next_at = $3 AND sent_at = 0",
		m.TenantID, m.ID, micros(m.NextAt), micros(until))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// FinishMessage stores the outcome of an attempt.
func (s *Store) FinishMessage(ctx context.Context, m directory.OutboxMessage) error {
	_, err := s.writer.ExecContext(ctx, "UPDATE outbox SET attempts = $3, next_at = $4, sent_at = $5, last_error = $6, body = $7 WHERE tenant_id = $1 AND id = $2",
		m.TenantID, m.ID, m.Attempts, micros(m.NextAt), micros(m.SentAt), m.LastError, m.Body)
	return err
}

// ListOutbox lists the newest messages of every tenant.
func (s *Store) ListOutbox(ctx context.Context, limit int) ([]directory.OutboxMessage, error) {
	return s.messages(ctx, "SELECT "+outboxCols+" FROM outbox ORDER BY created_at DESC LIMIT "+strconv.Itoa(limit))
}

func (t *tx) CreateChallenge(c *directory.ResetChallenge) error {
	gates, err := json.Marshal(c.Gates)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO reset_challenges (tenant_id, id, user_id, created_at, expires_at, gates, tries, done)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.ID, c.UserID, micros(c.CreatedAt), micros(c.ExpiresAt), string(gates), c.Tries, c.Done)
	return err
}

func (t *tx) GetChallenge(id string) (directory.ResetChallenge, error) {
	c := directory.ResetChallenge{ID: id}
	var created, expires int64
	var gates string
	err := t.queryRow(`SELECT user_id, created_at, expires_at, gates, tries, done FROM reset_challenges WHERE tenant_id = $1 AND id = $2`, id).
		Scan(&c.UserID, &created, &expires, &gates, &c.Tries, &c.Done)
	if err != nil {
		return c, notFound(err, id)
	}
	c.CreatedAt, c.ExpiresAt = fromMicros(created), fromMicros(expires)
	return c, json.Unmarshal([]byte(gates), &c.Gates)
}

func (t *tx) UpdateChallenge(c *directory.ResetChallenge) error {
	gates, err := json.Marshal(c.Gates)
	if err != nil {
		return err
	}
	return t.execOne(c.ID, "UPDATE reset_challenges SET gates = $3, tries = $4, done = $5 WHERE tenant_id = $1 AND id = $2",
		c.ID, string(gates), c.Tries, c.Done)
}
