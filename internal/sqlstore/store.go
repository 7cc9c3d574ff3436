package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

var _ directory.Store = (*Store)(nil)

// maxAttempts bounds how often a transaction that lost a serialization
// conflict runs again. Hot rows (a product's seat counter, taken by every
// assignment) make writers collide often, so the bound is generous and the
// backoff grows.
const maxAttempts = 20

// tx is a transaction bound to one tenant; every statement it runs carries
// tenant_id = $1.
type tx struct {
	ctx    context.Context
	s      *Store
	sqltx  *sql.Tx
	tenant string
	// stmts caches the statements a SQLite transaction prepared: a bulk
	// import runs the same few statements thousands of times, and SQLite
	// would parse each again. (pgx caches prepared statements itself.)
	stmts map[string]*sql.Stmt
}

// stmt returns q prepared in the transaction, once per transaction.
func (t *tx) stmt(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	st, err := t.sqltx.PrepareContext(t.ctx, q)
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[q] = st
	return st, nil
}

func (t *tx) exec(q string, args ...any) (sql.Result, error) {
	args = append([]any{t.tenant}, args...)
	if t.s.d == postgres {
		return t.sqltx.ExecContext(t.ctx, q, args...)
	}
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

func (t *tx) query(q string, args ...any) (*sql.Rows, error) {
	return t.sqltx.QueryContext(t.ctx, q, append([]any{t.tenant}, args...)...)
}

func (t *tx) queryRow(q string, args ...any) *sql.Row {
	return t.sqltx.QueryRowContext(t.ctx, q, append([]any{t.tenant}, args...)...)
}

// execOne runs a statement that must touch exactly one row of the tenant;
// none means the object does not exist here.
func (t *tx) execOne(id, q string, args ...any) error {
	res, err := t.exec(q, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return directory.NotFound(id)
	}
	return nil
}

// Update runs fn in a read-write transaction bound to tenantID. Writes are
// serializable on both databases: SQLite has one writer at a time, and
// PostgreSQL runs them at SERIALIZABLE, so that read-check-write rules
// (one default domain, no group cycles, no lost updates) hold between
// replicas; a transaction that loses a conflict is run again.
func (s *Store) Update(ctx context.Context, tenantID string, fn func(directory.Tx) error) error {
	return s.run(ctx, tenantID, false, nil, fn)
}

// View runs fn in a read-only transaction bound to tenantID.
func (s *Store) View(ctx context.Context, tenantID string, fn func(directory.Tx) error) error {
	return s.run(ctx, tenantID, true, nil, fn)
}

// UpdatePair runs fn in one read-write transaction with a Tx bound to each
// of two tenants.
func (s *Store) UpdatePair(ctx context.Context, tenantA, tenantB string, fn func(a, b directory.Tx) error) error {
	return s.runPair(ctx, tenantA, tenantB, false, fn)
}

// ViewPair runs fn in one read-only transaction with a Tx bound to each of
// two tenants.
func (s *Store) ViewPair(ctx context.Context, tenantA, tenantB string, fn func(a, b directory.Tx) error) error {
	return s.runPair(ctx, tenantA, tenantB, true, fn)
}

func (s *Store) runPair(ctx context.Context, tenantA, tenantB string, readOnly bool, fn func(a, b directory.Tx) error) error {
	for _, id := range []string{tenantA, tenantB} {
		if _, err := uuid.Parse(id); err != nil {
			return directory.NotFound(id)
		}
	}
	return s.retry(ctx, readOnly, func(sqltx *sql.Tx) error {
		a := &tx{ctx: ctx, s: s, sqltx: sqltx, tenant: tenantA}
		b := &tx{ctx: ctx, s: s, sqltx: sqltx, tenant: tenantB}
		for _, t := range []*tx{a, b} {
			var one int
			if err := t.queryRow("SELECT 1 FROM tenants WHERE tenant_id = $1").Scan(&one); err != nil {
				return notFound(err, t.tenant)
			}
		}
		return fn(a, b)
	})
}

// CreateTenant inserts t and runs fn bound to it, in one transaction.
func (s *Store) CreateTenant(ctx context.Context, t directory.Tenant, fn func(directory.Tx) error) error {
	return s.run(ctx, t.ID, false, &t, fn)
}

func (s *Store) run(ctx context.Context, tenantID string, readOnly bool, create *directory.Tenant, fn func(directory.Tx) error) error {
	if _, err := uuid.Parse(tenantID); err != nil {
		return directory.NotFound(tenantID)
	}
	return s.retry(ctx, readOnly, func(sqltx *sql.Tx) error {
		t := &tx{ctx: ctx, s: s, sqltx: sqltx, tenant: tenantID}
		if create != nil {
			if err := t.insertTenant(create); err != nil {
				return err
			}
		} else {
			var one int
			if err := t.queryRow("SELECT 1 FROM tenants WHERE tenant_id = $1").Scan(&one); err != nil {
				return notFound(err, tenantID)
			}
		}
		return fn(t)
	})
}

// retry runs fn in a transaction and commits, running it again when it
// lost a serialization conflict.
func (s *Store) retry(ctx context.Context, readOnly bool, fn func(*sql.Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := s.runOnce(ctx, readOnly, fn)
		if err == nil || attempt >= maxAttempts-1 || !s.retryable(err) {
			return driverError(err)
		}
		// Back off a random time that doubles after each conflict, up to
		// 32-64 ms, so that colliding writers spread out.
		ceil := 2 << min(attempt, 5) // ms
		d := time.Duration(ceil/2+rand.IntN(ceil/2+1)) * time.Millisecond
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d):
		}
	}
}

func (s *Store) runOnce(ctx context.Context, readOnly bool, fn func(*sql.Tx) error) error {
	db, opts := s.writer, (*sql.TxOptions)(nil)
	switch {
	case readOnly:
		db = s.reader
		if s.d == postgres {
			opts = &sql.TxOptions{ReadOnly: true}
		}
	case s.d == postgres:
		opts = &sql.TxOptions{Isolation: sql.LevelSerializable}
	}
	sqltx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	defer sqltx.Rollback()
	if err := fn(sqltx); err != nil {
		return err
	}
	if err := sqltx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// notFound turns sql.ErrNoRows into the domain's not-found error.
func notFound(err error, id string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return directory.NotFound(id)
	}
	return err
}

// ResolveTenant finds a tenant by id or by a verified domain name.
func (s *Store) ResolveTenant(ctx context.Context, idOrDomain string) (string, error) {
	var id string
	var err error
	if _, perr := uuid.Parse(idOrDomain); perr == nil {
		err = s.reader.QueryRowContext(ctx, "SELECT tenant_id FROM tenants WHERE tenant_id = $1", idOrDomain).Scan(&id)
	} else {
		err = s.reader.QueryRowContext(ctx, "SELECT tenant_id FROM domains WHERE name = $1 AND is_verified", directory.Fold(idOrDomain)).Scan(&id)
	}
	return id, notFound(err, idOrDomain)
}

// ExpiredDeletedUsers lists users of any tenant deleted before cutoff.
func (s *Store) ExpiredDeletedUsers(ctx context.Context, cutoff time.Time, limit int) ([]directory.TenantObject, error) {
	return s.tenantObjects(ctx, `SELECT tenant_id, id FROM users
		WHERE deleted_at IS NOT NULL AND deleted_at < $1 ORDER BY deleted_at LIMIT $2`, micros(cutoff), limit)
}

// tenantObjects runs a deployment-wide query of (tenant_id, id) pairs.
func (s *Store) tenantObjects(ctx context.Context, q string, args ...any) ([]directory.TenantObject, error) {
	rows, err := s.reader.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.TenantObject
	for rows.Next() {
		var o directory.TenantObject
		if err := rows.Scan(&o.TenantID, &o.ID); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// micros stores a time as microseconds since the epoch (0 for zero time).
func micros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

// fromMicros is the inverse of micros, in UTC.
func fromMicros(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMicro(v).UTC()
}

// global runs fn in one transaction that is not bound to a tenant: only
// for maintenance across every tenant (retention purges).
func (s *Store) global(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
