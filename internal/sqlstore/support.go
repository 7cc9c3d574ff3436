package sqlstore

import (
	"context"
	"strconv"

	"github.com/atriumhq/atrium/internal/directory"
)

const supportCols = "id, title, description, service, severity, contact_name, contact_phone, contact_email, contact_method, " +
	"status, created_by_id, created_by_upn, created_at, updated_at, partner_tenant_id, partner_name"

var supportResource = &resource{
	name: "supportRequest",
	id:   "id",
	cols: map[string]column{
		"status":   {"status", cText},
		"severity": {"severity", cText},
		"service":  {"service", cText},
	},
	order: map[string]column{"createdDateTime": {"created_at", cTime}},
}

func (t *tx) NextNumber(name string) (int, error) {
	var n int
	err := t.queryRow(`INSERT INTO tenant_sequences (tenant_id, name, last) VALUES ($1, $2, 1)
		ON CONFLICT (tenant_id, name) DO UPDATE SET last = tenant_sequences.last + 1 RETURNING last`, name).Scan(&n)
	return n, err
}

func (t *tx) CreateSupportRequest(r *directory.SupportRequest) error {
	_, err := t.exec(`INSERT INTO support_requests (tenant_id, `+supportCols+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
		r.ID, r.Title, r.Description, r.Service, r.Severity, r.ContactName, r.ContactPhone, r.ContactEmail, r.ContactMethod,
		r.Status, r.CreatedByID, r.CreatedByUPN, micros(r.CreatedAt), micros(r.UpdatedAt), r.PartnerTenantID, r.PartnerName)
	if isUnique(err) {
		return directory.Conflict("id")
	}
	return err
}

func scanSupport(r scanner, extra ...any) (directory.SupportRequest, error) {
	var s directory.SupportRequest
	var created, updated int64
	dest := append(extra, &s.ID, &s.Title, &s.Description, &s.Service, &s.Severity, &s.ContactName, &s.ContactPhone,
		&s.ContactEmail, &s.ContactMethod, &s.Status, &s.CreatedByID, &s.CreatedByUPN, &created, &updated, &s.PartnerTenantID, &s.PartnerName)
	err := r.Scan(dest...)
	s.CreatedAt, s.UpdatedAt = fromMicros(created), fromMicros(updated)
	return s, err
}

func (t *tx) GetSupportRequest(id string) (directory.SupportRequest, error) {
	r, err := scanSupport(t.queryRow("SELECT "+supportCols+" FROM support_requests WHERE tenant_id = $1 AND id = $2", id))
	if err != nil {
		return r, notFound(err, id)
	}
	err = t.each(`SELECT n, created_at, author_id, author_name, from_support, body FROM support_messages
		WHERE tenant_id = $1 AND request_id = $2 ORDER BY n`, []any{id}, func(row scanner) error {
		var m directory.SupportMessage
		var at int64
		if err := row.Scan(&m.N, &at, &m.AuthorID, &m.AuthorName, &m.FromSupport, &m.Text); err != nil {
			return err
		}
		m.At = fromMicros(at)
		r.Messages = append(r.Messages, m)
		return nil
	})
	return r, err
}

func (t *tx) UpdateSupportRequest(r *directory.SupportRequest) error {
	return t.execOne(r.ID, "UPDATE support_requests SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2",
		r.ID, r.Status, micros(r.UpdatedAt))
}

// AddSupportMessage touches the request first: that proves it exists in
// this tenant and, on PostgreSQL, makes two concurrent messages to one
// request conflict on its row, so that they can't take the same number.
func (t *tx) AddSupportMessage(id string, m *directory.SupportMessage) error {
	if err := t.execOne(id, "UPDATE support_requests SET updated_at = $3 WHERE tenant_id = $1 AND id = $2", id, micros(m.At)); err != nil {
		return err
	}
	if err := t.queryRow("SELECT COALESCE(MAX(n), 0) + 1 FROM support_messages WHERE tenant_id = $1 AND request_id = $2", id).Scan(&m.N); err != nil {
		return err
	}
	_, err := t.exec(`INSERT INTO support_messages (tenant_id, request_id, n, created_at, author_id, author_name, from_support, body)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, m.N, micros(m.At), m.AuthorID, m.AuthorName, m.FromSupport, m.Text)
	return err
}

func (t *tx) ListSupportRequests(q directory.ListQuery) (directory.Page[directory.SupportRequest], error) {
	var page directory.Page[directory.SupportRequest]
	query, args, sortCol, err := listSQL(supportResource, supportCols, "support_requests", "1 = 1", q)
	if err != nil {
		return page, err
	}
	err = t.each(query, args, func(r scanner) error {
		s, err := scanSupport(r)
		page.Items = append(page.Items, s)
		return err
	})
	if err != nil {
		return page, err
	}
	if top := pageSize(q); len(page.Items) > top {
		page.Items = page.Items[:top]
		last := page.Items[top-1]
		var key any
		if sortCol != nil {
			key = micros(last.CreatedAt)
		}
		page.Next = encodeCursor(key, last.ID)
	}
	return page, nil
}

// SupportQueue lists requests of every tenant, most recently updated
// first.
func (s *Store) SupportQueue(ctx context.Context, status string, limit int) ([]directory.SupportRequest, error) {
	q, args := "SELECT tenant_id, "+supportCols+" FROM support_requests", []any{}
	if status != "" {
		q, args = q+" WHERE status = $1", append(args, status)
	}
	rows, err := s.reader.QueryContext(ctx, q+" ORDER BY updated_at DESC, tenant_id, id LIMIT "+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.SupportRequest
	for rows.Next() {
		var tenant string
		r, err := scanSupport(rows, &tenant)
		if err != nil {
			return nil, err
		}
		r.TenantID = tenant
		out = append(out, r)
	}
	return out, rows.Err()
}
