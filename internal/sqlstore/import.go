package sqlstore

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

const importCols = `id, created_by, created_at, file_name, format, status, options, total, invalid, done, created, failed,
	started_at, finished_at, error, lease_owner, lease_until`

func scanImport(r scanner) (directory.Import, error) {
	var i directory.Import
	var opts string
	var created, started, finished, lease int64
	err := r.Scan(&i.ID, &i.CreatedBy, &created, &i.FileName, &i.Format, &i.Status, &opts, &i.Total, &i.Invalid, &i.Done,
		&i.Created, &i.Failed, &started, &finished, &i.Error, &i.LeaseOwner, &lease)
	if err != nil {
		return i, err
	}
	i.CreatedAt, i.StartedAt, i.FinishedAt, i.LeaseUntil = fromMicros(created), fromMicros(started), fromMicros(finished), fromMicros(lease)
	return i, json.Unmarshal([]byte(opts), &i.Options)
}

func importArgs(i *directory.Import) ([]any, error) {
	opts, err := json.Marshal(i.Options)
	return []any{i.ID, i.CreatedBy, micros(i.CreatedAt), i.FileName, i.Format, i.Status, string(opts), i.Total, i.Invalid, i.Done,
		i.Created, i.Failed, micros(i.StartedAt), micros(i.FinishedAt), i.Error, i.LeaseOwner, micros(i.LeaseUntil)}, err
}

func (t *tx) CreateImport(i *directory.Import) error {
	args, err := importArgs(i)
	if err != nil {
		return err
	}
	_, err = t.exec("INSERT INTO imports (tenant_id, "+importCols+") VALUES ($1, "+placeholders(2, len(args))+")", args...)
	return err
}

func (t *tx) GetImport(id string) (directory.Import, error) {
	i, err := scanImport(t.queryRow("SELECT "+importCols+" FROM imports WHERE tenant_id = $1 AND id = $2", id))
	return i, notFound(err, id)
}

func (t *tx) UpdateImport(i *directory.Import) error {
	args, err := importArgs(i)
	if err != nil {
		return err
	}
	return t.execOne(i.ID, `UPDATE imports SET format = $3, status = $4, options = $5, total = $6, invalid = $7, done = $8, created = $9,
		failed = $10, started_at = $11, finished_at = $12, error = $13, lease_owner = $14, lease_until = $15
		WHERE tenant_id = $1 AND id = $2`, append(args[:1:1], args[4:]...)...)
}

func (t *tx) ListImports(since time.Time) ([]directory.Import, error) {
	var out []directory.Import
	err := t.each("SELECT "+importCols+" FROM imports WHERE tenant_id = $1 AND created_at >= $2 ORDER BY created_at DESC, id",
		[]any{micros(since)}, func(r scanner) error {
			i, err := scanImport(r)
			out = append(out, i)
			return err
		})
	return out, err
}

// PutImportRows inserts rows, or replaces the status, problems and
// outcome of rows that exist, a few statements for the lot.
func (t *tx) PutImportRows(importID string, rows []directory.ImportRow) error {
	vals := make([][]any, len(rows))
	for i, r := range rows {
		cells, _ := json.Marshal(r.Cells)
		probs, _ := json.Marshal(r.Problems)
		vals[i] = []any{importID, r.Line, r.UPNFold, t.sealRow(importID, r.Line, string(cells)), r.Status, string(probs), r.UserID,
			t.sealSecret(importID, r.Line, r.Secret)}
	}
	return t.insertMany("import_rows", []string{"import_id", "line", "upn_fold", "cells", "status", "problems", "user_id", "secret"}, vals,
		` ON CONFLICT (tenant_id, import_id, line) DO UPDATE SET status = excluded.status, problems = excluded.problems,
		user_id = excluded.user_id, secret = excluded.secret`)
}

func (t *tx) sealRow(importID string, line int, v string) string {
	return string(t.s.sealer.seal(t.tenant, "importrow", importID+"/"+strconv.Itoa(line), []byte(v)))
}

func (t *tx) sealSecret(importID string, line int, v string) string {
	if v == "" {
		return ""
	}
	return string(t.s.sealer.seal(t.tenant, "importsecret", importID+"/"+strconv.Itoa(line), []byte(v)))
}

// ListImportRows lists up to limit rows after line, of one status unless
// status is empty, in line order.
func (t *tx) ListImportRows(importID string, after int, status string, limit int) ([]directory.ImportRow, error) {
	q := "SELECT line, upn_fold, cells, status, problems, user_id, secret FROM import_rows WHERE tenant_id = $1 AND import_id = $2 AND line > $3"
	args := []any{importID, after}
	if status != "" {
		q += " AND status = $4"
		args = append(args, status)
	}
	var out []directory.ImportRow
	err := t.each(q+" ORDER BY line LIMIT "+strconv.Itoa(limit), args, func(r scanner) error {
		var row directory.ImportRow
		var cells, probs, secret string
		if err := r.Scan(&row.Line, &row.UPNFold, &cells, &row.Status, &probs, &row.UserID, &secret); err != nil {
			return err
		}
		id := importID + "/" + strconv.Itoa(row.Line)
		plain, err := t.s.sealer.open(t.tenant, "importrow", id, []byte(cells))
		if err != nil {
			return err
		}
		if secret != "" {
			s, err := t.s.sealer.open(t.tenant, "importsecret", id, []byte(secret))
			if err != nil {
				return err
			}
			row.Secret = string(s)
		}
		if err := json.Unmarshal(plain, &row.Cells); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(probs), &row.Problems); err != nil {
			return err
		}
		out = append(out, row)
		return nil
	})
	return out, err
}

// DuplicateImportRows pairs each row whose user name an earlier row of the
// import has with the first such row's line.
func (t *tx) DuplicateImportRows(importID string) (map[int]int, error) {
	out := map[int]int{}
	err := t.each(`SELECT line, first FROM (SELECT line, MIN(line) OVER (PARTITION BY upn_fold) AS first FROM import_rows
		WHERE tenant_id = $1 AND import_id = $2 AND upn_fold <> '') d WHERE line <> first`, []any{importID}, func(r scanner) error {
		var line, first int
		err := r.Scan(&line, &first)
		out[line] = first
		return err
	})
	return out, err
}

// TakenImportRows lists the lines whose user name is an address an object
// of the tenant already has.
func (t *tx) TakenImportRows(importID string) ([]int, error) {
	var out []int
	err := t.each(`SELECT r.line FROM import_rows r JOIN addresses a ON a.tenant_id = r.tenant_id AND a.address = r.upn_fold
		WHERE r.tenant_id = $1 AND r.import_id = $2 ORDER BY r.line`, []any{importID}, func(r scanner) error {
		var line int
		err := r.Scan(&line)
		out = append(out, line)
		return err
	})
	return out, err
}

// DueImports lists imports of any tenant with work to do whose lease has
// ended at now.
func (s *Store) DueImports(ctx context.Context, now time.Time, limit int) ([]directory.TenantObject, error) {
	return s.tenantObjects(ctx, `SELECT tenant_id, id FROM imports WHERE status IN ('validating', 'running') AND lease_until <= $1
		ORDER BY lease_until LIMIT $2`, micros(now), limit)
}

// PurgeImports deletes the imports of every tenant created before cutoff,
// with their rows, and says how many.
func (s *Store) PurgeImports(ctx context.Context, cutoff time.Time) (int, error) {
	if _, err := s.writer.ExecContext(ctx, `DELETE FROM import_rows WHERE EXISTS (SELECT 1 FROM imports i WHERE i.tenant_id = import_rows.tenant_id
		AND i.id = import_rows.import_id AND i.created_at < $1)`, micros(cutoff)); err != nil {
		return 0, err
	}
	res, err := s.writer.ExecContext(ctx, "DELETE FROM imports WHERE created_at < $1", micros(cutoff))
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// MarkImportRows adds a problem to each given line and makes it invalid.
func (t *tx) MarkImportRows(importID string, problems map[int]directory.ImportProblem) (int, error) {
	n := 0
	for line, p := range problems {
		var status, raw string
		if err := t.queryRow("SELECT status, problems FROM import_rows WHERE tenant_id = $1 AND import_id = $2 AND line = $3",
			importID, line).Scan(&status, &raw); err != nil {
			return n, err
		}
		var ps []directory.ImportProblem
		if err := json.Unmarshal([]byte(raw), &ps); err != nil {
			return n, err
		}
		b, _ := json.Marshal(append(ps, p))
		if _, err := t.exec("UPDATE import_rows SET status = $4, problems = $5 WHERE tenant_id = $1 AND import_id = $2 AND line = $3",
			importID, line, directory.RowInvalid, string(b)); err != nil {
			return n, err
		}
		if status == directory.RowPending {
			n++
		}
	}
	return n, nil
}
