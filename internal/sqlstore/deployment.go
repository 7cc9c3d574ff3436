package sqlstore

import (
	"context"
	"database/sql"

	"github.com/atriumhq/atrium/internal/directory"
)

// dtx is a transaction over deployment-wide data: what the operator
// publishes for every tenant. Its statements read and write only the
// deployment tables, never a tenant's rows.
type dtx struct {
	ctx   context.Context
	sqltx *sql.Tx
}

func (d *dtx) exec(q string, args ...any) (sql.Result, error) {
	return d.sqltx.ExecContext(d.ctx, q, args...)
}

func (d *dtx) queryRow(q string, args ...any) *sql.Row {
	return d.sqltx.QueryRowContext(d.ctx, q, args...)
}

// each runs a query and calls fn for every row.
func (d *dtx) each(q string, args []any, fn func(scanner) error) error {
	rows, err := d.sqltx.QueryContext(d.ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// execOne runs a statement that must touch exactly one row.
func (d *dtx) execOne(id, q string, args ...any) error {
	res, err := d.exec(q, args...)
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

// UpdateDeployment runs fn in a read-write transaction over the
// deployment-wide data, serializable like tenant writes.
func (s *Store) UpdateDeployment(ctx context.Context, fn func(directory.DeploymentTx) error) error {
	return s.retry(ctx, false, func(sqltx *sql.Tx) error { return fn(&dtx{ctx: ctx, sqltx: sqltx}) })
}

// ViewDeployment runs fn in a read-only transaction over the
// deployment-wide data.
func (s *Store) ViewDeployment(ctx context.Context, fn func(directory.DeploymentTx) error) error {
	return s.retry(ctx, true, func(sqltx *sql.Tx) error { return fn(&dtx{ctx: ctx, sqltx: sqltx}) })
}

func (d *dtx) NextNumber(name string) (int, error) {
	var n int
	err := d.queryRow(`INSERT INTO deployment_sequences (name, last) VALUES ($1, 1)
		ON CONFLICT (name) DO UPDATE SET last = deployment_sequences.last + 1 RETURNING last`, name).Scan(&n)
	return n, err
}
