package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

const auditCols = `id, at, category, activity, operation_type, result, result_reason, correlation_id, initiator_user_id,
	initiator_upn, initiator_name, initiator_ip, initiator_app, targets, initiator_partner`

var auditResource = &resource{
	name: "directoryAudit",
	id:   "id",
	cols: map[string]column{
		"id":                                 {"id", cText},
		"activityDateTime":                   {"at", cTime},
		"activityDisplayName":                {"activity", cText},
		"category":                           {"category", cText},
		"correlationId":                      {"correlation_id", cText},
		"result":                             {"result", cText},
		"operationType":                      {"operation_type", cText},
		"initiatedBy/user/id":                {"initiator_user_id", cText},
		"initiatedBy/user/userPrincipalName": {"initiator_upn_fold", cFold},
		"initiatedBy/app/displayName":        {"initiator_app", cText},
	},
	order: map[string]column{"activityDateTime": {"at", cTime}},
	any: map[string]func(*builder, string, directory.Expr) (string, error){
		"targetResources": func(b *builder, v string, c directory.Expr) (string, error) {
			if c, ok := c.(directory.Compare); ok && c.Prop == v+"/id" && c.Op == directory.OpEq &&
				(c.Value.Kind == directory.KindString || c.Value.Kind == directory.KindGUID) {
				return "EXISTS (SELECT 1 FROM audit_targets t WHERE t.tenant_id = $1 AND t.event_id = audit_events.id AND t.target_id = " +
					b.arg(c.Value.Str) + ")", nil
			}
			return "", directory.UnsupportedQuery("Only targetResources/any(t: t/id eq '...') is supported.")
		},
	},
}

func (t *tx) AppendAudit(e *directory.AuditEvent) error {
	if _, err := t.exec(`INSERT INTO audit_events (tenant_id, `+auditCols+`, initiator_upn_fold, partner_tenant_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`, auditValues(e)...); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, tg := range e.Targets {
		if tg.ID == "" || seen[tg.ID] {
			continue
		}
		seen[tg.ID] = true
		if _, err := t.exec("INSERT INTO audit_targets (tenant_id, target_id, event_id) VALUES ($1, $2, $3)", tg.ID, e.ID); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) ListAudit(q directory.ListQuery) (directory.Page[directory.AuditEvent], error) {
	var page directory.Page[directory.AuditEvent]
	if len(q.OrderBy) == 0 {
		q.OrderBy = []directory.Order{{Prop: "activityDateTime", Desc: true}}
	}
	query, args, _, err := listSQL(auditResource, auditCols, "audit_events", "1 = 1", q)
	if err != nil {
		return page, err
	}
	rows, err := t.query(query, args...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	for rows.Next() {
		var e directory.AuditEvent
		var at int64
		var targets, partner string
		if err := rows.Scan(&e.ID, &at, &e.Category, &e.Activity, &e.OperationType, &e.Result, &e.ResultReason,
			&e.CorrelationID, &e.Initiator.UserID, &e.Initiator.UPN, &e.Initiator.DisplayName, &e.Initiator.IPAddress,
			&e.Initiator.App, &targets, &partner); err != nil {
			return page, err
		}
		if err := scanAudit(&e, at, targets, partner); err != nil {
			return page, err
		}
		page.Items = append(page.Items, e)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	if top := pageSize(q); len(page.Items) > top {
		page.Items = page.Items[:top]
		last := page.Items[top-1]
		page.Next = encodeCursor(micros(last.At), last.ID)
	}
	return page, nil
}

// PurgeAudit deletes old audit events of every tenant, with their target
// index rows.
func (s *Store) PurgeAudit(ctx context.Context, cutoff time.Time) (int, error) {
	n := 0
	err := s.global(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM audit_targets WHERE EXISTS (SELECT 1 FROM audit_events e
			WHERE e.tenant_id = audit_targets.tenant_id AND e.id = audit_targets.event_id AND e.at < $1)`, micros(cutoff)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM audit_events WHERE at < $1", micros(cutoff))
		if err != nil {
			return err
		}
		rows, err := res.RowsAffected()
		n = int(rows)
		return err
	})
	return n, err
}

// auditValues are the values of an event's row after the tenant id: the
// auditCols, the folded user name and the partner tenant id.
func auditValues(e *directory.AuditEvent) []any {
	targets, _ := json.Marshal(e.Targets) // plain strings: can't fail
	i := e.Initiator
	partner, partnerID := "", ""
	if i.Partner != nil {
		b, _ := json.Marshal(i.Partner)
		partner, partnerID = string(b), i.Partner.TenantID
	}
	return []any{e.ID, micros(e.At), e.Category, e.Activity, e.OperationType, e.Result, e.ResultReason, e.CorrelationID,
		i.UserID, i.UPN, i.DisplayName, i.IPAddress, i.App, string(targets), partner, directory.Fold(i.UPN), partnerID}
}

// scanAudit fills the parts of an event stored as numbers or JSON.
func scanAudit(e *directory.AuditEvent, at int64, targets, partner string) error {
	e.At = fromMicros(at)
	if err := json.Unmarshal([]byte(targets), &e.Targets); err != nil {
		return err
	}
	if partner != "" {
		e.Initiator.Partner = new(authz.PartnerActor)
		return json.Unmarshal([]byte(partner), e.Initiator.Partner)
	}
	return nil
}
