package sqlstore

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/atriumhq/atrium/internal/directory"
)

// maxParams bounds the parameters of one multi-row statement. SQLite's
// driver binds each "$n" by looking its name up, which grows with the
// count squared, so its statements stay small; PostgreSQL's may be larger
// (beyond 2,000 they got no faster, only the memory grew).
func (t *tx) maxParams() int {
	if t.s.d == postgres {
		return 2000
	}
	return 500
}

// insertMany inserts rows (each the values of cols, tenant_id first and
// implied) with few statements under the parameter limit; suffix ends
// each statement (an ON CONFLICT clause, say). Statements hold a power of
// two of rows, so that the drivers' caches of prepared statements see a
// handful of shapes, not one per batch size.
func (t *tx) insertMany(table string, cols []string, rows [][]any, suffix string) error {
	per := 1
	for per*2*len(cols) <= t.maxParams() {
		per *= 2
	}
	for len(rows) > 0 {
		n := per
		for n > len(rows) {
			n /= 2
		}
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (tenant_id, " + strings.Join(cols, ", ") + ") VALUES ")
		args := make([]any, 0, n*len(cols))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("($1")
			for _, v := range r {
				b.WriteString(", $" + strconv.Itoa(len(args)+2))
				args = append(args, v)
			}
			b.WriteString(")")
		}
		if _, err := t.exec(b.String()+suffix, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// CreateUsers inserts new users with their search tokens and addresses,
// a few statements for the lot; a taken address is a conflict.
func (t *tx) CreateUsers(us []*directory.User) error {
	cols := []string{"id"}
	for _, c := range userWrites {
		cols = append(cols, c.name)
	}
	var users, tokens, addrs [][]any
	for _, u := range us {
		users = append(users, writeArgs(u.ID, u, userWrites))
		for _, tok := range nameTokens(u.DisplayName) {
			tokens = append(tokens, []any{tok, u.ID})
		}
		for _, a := range u.Addresses() {
			addrs = append(addrs, []any{a.Address, a.Domain, u.ID, string(directory.TypeUser), a.Property})
		}
	}
	if err := t.insertMany("users", cols, users, ""); err != nil {
		return err
	}
	if err := t.insertMany("user_name_tokens", []string{"token", "user_id"}, tokens, ""); err != nil {
		return err
	}
	err := t.insertMany("addresses", []string{"address", "domain", "object_id", "object_type", "property"}, addrs, "")
	if isUnique(err) {
		return directory.Conflict("userPrincipalName")
	}
	return err
}

// AppendAudits appends audit events with their targets.
func (t *tx) AppendAudits(es []*directory.AuditEvent) error {
	var events, targets [][]any
	for _, e := range es {
		events = append(events, auditValues(e))
		seen := map[string]bool{}
		for _, tg := range e.Targets {
			if tg.ID != "" && !seen[tg.ID] {
				seen[tg.ID] = true
				targets = append(targets, []any{tg.ID, e.ID})
			}
		}
	}
	cols := strings.FieldsFunc(auditCols, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	if err := t.insertMany("audit_events", append(cols, "initiator_upn_fold", "partner_tenant_id"), events, ""); err != nil {
		return err
	}
	return t.insertMany("audit_targets", []string{"target_id", "event_id"}, targets, "")
}

// CreatePasswordLinks stores new users' first set-password links.
func (t *tx) CreatePasswordLinks(ls []*directory.PasswordLink) error {
	rows := make([][]any, len(ls))
	for i, l := range ls {
		rows[i] = []any{l.TokenHash, l.UserID, micros(l.CreatedAt), micros(l.ExpiresAt), micros(l.UsedAt)}
	}
	return t.insertMany("password_links", []string{"token_hash", "user_id", "created_at", "expires_at", "used_at"}, rows, "")
}
