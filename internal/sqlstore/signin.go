package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) SignInState(userID string) (directory.SignInState, error) {
	st := directory.SignInState{UserID: userID, RecentBad: []string{}}
	var until int64
	var recent string
	err := t.queryRow(`SELECT failures, lockouts, locked_until, recent_bad FROM sign_in_state
		WHERE tenant_id = $1 AND user_id = $2`, userID).Scan(&st.Failures, &st.Lockouts, &until, &recent)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	st.LockedUntil = fromMicros(until)
	return st, json.Unmarshal([]byte(recent), &st.RecentBad)
}

func (t *tx) PutSignInState(st *directory.SignInState) error {
	_, err := t.exec(`INSERT INTO sign_in_state (tenant_id, user_id, failures, lockouts, locked_until, recent_bad)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (tenant_id, user_id) DO UPDATE SET failures = $3, lockouts = $4, locked_until = $5, recent_bad = $6`,
		st.UserID, st.Failures, st.Lockouts, micros(st.LockedUntil), jsonList(st.RecentBad))
	return err
}

func (t *tx) AddressFailures(address string, windowStart time.Time) (int, error) {
	var n int
	err := t.queryRow(`SELECT failures FROM address_failures WHERE tenant_id = $1 AND address = $2 AND window_start >= $3`,
		address, micros(windowStart)).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return n, err
}

func (t *tx) AddAddressFailure(address string, windowStart, now time.Time) error {
	_, err := t.exec(`INSERT INTO address_failures (tenant_id, address, window_start, failures) VALUES ($1, $2, $3, 1)
		ON CONFLICT (tenant_id, address) DO UPDATE SET
			failures = CASE WHEN address_failures.window_start >= $3 THEN address_failures.failures + 1 ELSE 1 END,
			window_start = CASE WHEN address_failures.window_start >= $3 THEN address_failures.window_start ELSE $4 END`,
		address, micros(windowStart), micros(now))
	return err
}

func (t *tx) AppendSignIn(e *directory.SignInEvent) error {
	_, err := t.exec(`INSERT INTO sign_ins (tenant_id, id, at, user_id, upn, upn_fold, display_name, ip, client_app, error_code, failure_reason)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		e.ID, micros(e.At), e.UserID, e.UPN, directory.Fold(e.UPN), e.DisplayName, e.IPAddress, e.ClientApp, e.ErrorCode, e.FailureReason)
	return err
}

var signInsResource = &resource{
	name: "signIn",
	id:   "id",
	cols: map[string]column{
		"createdDateTime":   {"at", cTime},
		"userId":            {"user_id", cExact},
		"userPrincipalName": {"upn_fold", cFold},
		"ipAddress":         {"ip", cExact},
		"appDisplayName":    {"client_app", cText},
		"status/errorCode":  {"error_code", cNumber},
	},
	order: map[string]column{"createdDateTime": {"at", cTime}},
}

func (t *tx) ListSignIns(q directory.ListQuery) (directory.Page[directory.SignInEvent], error) {
	var page directory.Page[directory.SignInEvent]
	if len(q.OrderBy) == 0 {
		q.OrderBy = []directory.Order{{Prop: "createdDateTime", Desc: true}}
	}
	query, args, _, err := listSQL(signInsResource, "id, at, user_id, upn, display_name, ip, client_app, error_code, failure_reason", "sign_ins", "1 = 1", q)
	if err != nil {
		return page, err
	}
	err = t.each(query, args, func(r scanner) error {
		var e directory.SignInEvent
		var at int64
		if err := r.Scan(&e.ID, &at, &e.UserID, &e.UPN, &e.DisplayName, &e.IPAddress, &e.ClientApp, &e.ErrorCode, &e.FailureReason); err != nil {
			return err
		}
		e.At = fromMicros(at)
		page.Items = append(page.Items, e)
		return nil
	})
	if err != nil {
		return page, err
	}
	if top := pageSize(q); len(page.Items) > top {
		page.Items = page.Items[:top]
		last := page.Items[top-1]
		page.Next = encodeCursor(micros(last.At), last.ID)
	}
	return page, nil
}

// PurgeSignIns deletes old sign-in log entries of every tenant.
func (s *Store) PurgeSignIns(ctx context.Context, cutoff time.Time) (int, error) {
	res, err := s.writer.ExecContext(ctx, "DELETE FROM sign_ins WHERE at < $1", micros(cutoff))
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

func (t *tx) MFAFailures(userID string) (directory.MFAFailures, error) {
	f := directory.MFAFailures{UserID: userID}
	var until int64
	err := t.queryRow("SELECT failures, locked_until FROM mfa_failures WHERE tenant_id = $1 AND user_id = $2", userID).Scan(&f.Failures, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	}
	f.LockedUntil = fromMicros(until)
	return f, err
}

func (t *tx) PutMFAFailures(f *directory.MFAFailures) error {
	_, err := t.exec(`INSERT INTO mfa_failures (tenant_id, user_id, failures, locked_until) VALUES ($1, $2, $3, $4)
		ON CONFLICT (tenant_id, user_id) DO UPDATE SET failures = $3, locked_until = $4`, f.UserID, f.Failures, micros(f.LockedUntil))
	return err
}
