package sqlstore

import (
	"context"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

const provisioningCols = "user_id, plan_id, wanted, status, attempts, next_at, last_error, updated_at"

func scanProvisioning(r scanner, extra ...any) (directory.PlanProvisioning, error) {
	var p directory.PlanProvisioning
	var next, updated int64
	err := r.Scan(append([]any{&p.UserID, &p.PlanID, &p.Wanted, &p.Status, &p.Attempts, &next, &p.LastError, &updated}, extra...)...)
	p.NextAt, p.UpdatedAt = fromMicros(next), fromMicros(updated)
	return p, err
}

func (t *tx) ListProvisioning(userID string) ([]directory.PlanProvisioning, error) {
	var out []directory.PlanProvisioning
	err := t.each("SELECT "+provisioningCols+" FROM plan_provisioning WHERE tenant_id = $1 AND user_id = $2 ORDER BY plan_id",
		[]any{userID}, func(r scanner) error {
			p, err := scanProvisioning(r)
			out = append(out, p)
			return err
		})
	return out, err
}

func (t *tx) PutProvisioning(p *directory.PlanProvisioning) error {
	_, err := t.exec(`INSERT INTO plan_provisioning (tenant_id, `+provisioningCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (tenant_id, user_id, plan_id) DO UPDATE SET wanted = excluded.wanted, status = excluded.status,
		attempts = excluded.attempts, next_at = excluded.next_at, last_error = excluded.last_error, updated_at = excluded.updated_at`,
		p.UserID, p.PlanID, p.Wanted, p.Status, p.Attempts, micros(p.NextAt), p.LastError, micros(p.UpdatedAt))
	return err
}

// DueProvisioning lists due provisioning tasks of every tenant through the
// partial index on next_at, joined with their users (deleted ones too:
// their deprovisioning is due).
func (s *Store) DueProvisioning(ctx context.Context, now time.Time, limit int) ([]directory.ProvisioningTask, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT p.user_id, p.plan_id, p.wanted, p.status, p.attempts, p.next_at, p.last_error, p.updated_at,
		p.tenant_id, u.upn, u.display_name, u.usage_location
		FROM plan_provisioning p JOIN users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id
		WHERE p.next_at > 0 AND p.next_at <= $1 ORDER BY p.next_at LIMIT `+strconv.Itoa(limit), micros(now))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.ProvisioningTask
	for rows.Next() {
		var t directory.ProvisioningTask
		t.PlanProvisioning, err = scanProvisioning(rows, &t.TenantID, &t.UserPrincipalName, &t.DisplayName, &t.UsageLocation)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// ClaimProvisioning leases a task to this replica until the given time.
func (s *Store) ClaimProvisioning(ctx context.Context, t directory.ProvisioningTask, until time.Time) (bool, error) {
	res, err := s.writer.ExecContext(ctx, `UPDATE plan_provisioning SET next_at = $5
		WHERE tenant_id = $1 AND user_id = $2 AND plan_id = $3 AND next_at = $4`,
		t.TenantID, t.UserID, t.PlanID, micros(t.NextAt), micros(until))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// FinishProvisioning stores an attempt's outcome unless the task changed
// after it was claimed.
func (s *Store) FinishProvisioning(ctx context.Context, t directory.ProvisioningTask, lease time.Time) (bool, error) {
	res, err := s.writer.ExecContext(ctx, `UPDATE plan_provisioning SET status = $6, attempts = $7, next_at = $8, last_error = $9, updated_at = $10
		WHERE tenant_id = $1 AND user_id = $2 AND plan_id = $3 AND wanted = $4 AND next_at = $5`,
		t.TenantID, t.UserID, t.PlanID, t.Wanted, micros(lease), t.Status, t.Attempts, micros(t.NextAt), t.LastError, micros(t.UpdatedAt))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
