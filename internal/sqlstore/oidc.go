package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) CreateAuthRequest(a *directory.AuthRequest) error {
	spec, err := json.Marshal(a.Spec)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO oidc_auth_requests (tenant_id, id, spec, user_id, code_hash, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		a.ID, string(spec), a.UserID, a.CodeHash, micros(a.Expires))
	return err
}

func (t *tx) UpdateAuthRequest(a *directory.AuthRequest) error {
	spec, err := json.Marshal(a.Spec)
	if err != nil {
		return err
	}
	return t.execOne(a.ID, "UPDATE oidc_auth_requests SET spec = $3, user_id = $4, code_hash = $5 WHERE tenant_id = $1 AND id = $2",
		a.ID, string(spec), a.UserID, a.CodeHash)
}

func (t *tx) scanAuthRequest(where, arg string) (directory.AuthRequest, error) {
	var a directory.AuthRequest
	var spec string
	var expires int64
	err := t.queryRow("SELECT id, spec, user_id, code_hash, expires_at FROM oidc_auth_requests WHERE tenant_id = $1 AND "+where, arg).
		Scan(&a.ID, &spec, &a.UserID, &a.CodeHash, &expires)
	if err != nil {
		return a, notFound(err, "authRequest")
	}
	a.Expires = fromMicros(expires)
	return a, json.Unmarshal([]byte(spec), &a.Spec)
}

func (t *tx) GetAuthRequest(id string) (directory.AuthRequest, error) {
	return t.scanAuthRequest("id = $2", id)
}

func (t *tx) GetAuthRequestByCode(codeHash string) (directory.AuthRequest, error) {
	if codeHash == "" {
		return directory.AuthRequest{}, directory.NotFound("authRequest")
	}
	return t.scanAuthRequest("code_hash = $2", codeHash)
}

func (t *tx) DeleteAuthRequest(id string) error {
	return t.execOne(id, "DELETE FROM oidc_auth_requests WHERE tenant_id = $1 AND id = $2", id)
}

func (t *tx) CreateRefreshToken(r *directory.RefreshToken) error {
	spec, err := json.Marshal(r.Spec)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO oidc_refresh_tokens (tenant_id, id, family_id, user_id, client_id, spec, created_at, expires_at, used_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, r.ID, r.FamilyID, r.UserID, r.ClientID, string(spec),
		micros(r.CreatedAt), micros(r.ExpiresAt), micros(r.UsedAt))
	return err
}

func (t *tx) GetRefreshToken(id string) (directory.RefreshToken, error) {
	r := directory.RefreshToken{ID: id}
	var spec string
	var created, expires, used int64
	err := t.queryRow(`SELECT family_id, user_id, client_id, spec, created_at, expires_at, used_at FROM oidc_refresh_tokens
		WHERE tenant_id = $1 AND id = $2`, id).Scan(&r.FamilyID, &r.UserID, &r.ClientID, &spec, &created, &expires, &used)
	if err != nil {
		return r, notFound(err, "refreshToken")
	}
	r.CreatedAt, r.ExpiresAt, r.UsedAt = fromMicros(created), fromMicros(expires), fromMicros(used)
	return r, json.Unmarshal([]byte(spec), &r.Spec)
}

func (t *tx) MarkRefreshTokenUsed(id string, at time.Time) error {
	return t.execOne(id, "UPDATE oidc_refresh_tokens SET used_at = $3 WHERE tenant_id = $1 AND id = $2 AND used_at = 0", id, micros(at))
}

func (t *tx) DeleteRefreshFamily(familyID string) error {
	_, err := t.exec("DELETE FROM oidc_refresh_tokens WHERE tenant_id = $1 AND family_id = $2", familyID)
	return err
}

func (t *tx) DeleteUserRefreshTokens(userID string) error {
	_, err := t.exec("DELETE FROM oidc_refresh_tokens WHERE tenant_id = $1 AND user_id = $2", userID)
	return err
}

// PurgeOIDC deletes expired authorization requests, refresh tokens and
// device codes of every tenant. Used refresh tokens stay until they expire, so that a
// late reuse is still recognized.
func (s *Store) PurgeOIDC(ctx context.Context, now time.Time) (int, error) {
	total := 0
	err := s.global(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{"DELETE FROM oidc_auth_requests WHERE expires_at < $1", "DELETE FROM oidc_refresh_tokens WHERE expires_at < $1",
			"DELETE FROM oidc_device_codes WHERE expires_at < $1"} {
			res, err := tx.ExecContext(ctx, q, micros(now))
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			total += int(n)
		}
		return nil
	})
	return total, err
}

// TenantsDueForKeyRotation lists up to limit tenants whose newest signing
// key was created before cutoff.
func (s *Store) TenantsDueForKeyRotation(ctx context.Context, cutoff time.Time, limit int) ([]string, error) {
	rows, err := s.writer.QueryContext(ctx, "SELECT tenant_id FROM signing_keys GROUP BY tenant_id HAVING MAX(created_at) < $1 ORDER BY tenant_id LIMIT $2",
		micros(cutoff), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (t *tx) CreateDeviceAuthorization(d *directory.DeviceAuthorization) error {
	spec, err := json.Marshal(d.Spec)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO oidc_device_codes (tenant_id, id, user_code, client_id, spec, user_id, state, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, d.ID, d.UserCode, d.ClientID, string(spec), d.UserID, d.State, micros(d.Expires))
	if isUnique(err) {
		return directory.Conflict("userCode")
	}
	return err
}

func (t *tx) getDeviceAuthorization(where, arg string) (directory.DeviceAuthorization, error) {
	var d directory.DeviceAuthorization
	var spec string
	var expires int64
	err := t.queryRow("SELECT id, user_code, client_id, spec, user_id, state, expires_at FROM oidc_device_codes WHERE tenant_id = $1 AND "+where, arg).
		Scan(&d.ID, &d.UserCode, &d.ClientID, &spec, &d.UserID, &d.State, &expires)
	if err != nil {
		return d, notFound(err, "deviceCode")
	}
	d.Expires = fromMicros(expires)
	return d, json.Unmarshal([]byte(spec), &d.Spec)
}

func (t *tx) GetDeviceAuthorization(id string) (directory.DeviceAuthorization, error) {
	return t.getDeviceAuthorization("id = $2", id)
}

func (t *tx) GetDeviceAuthorizationByUserCode(userCode string) (directory.DeviceAuthorization, error) {
	return t.getDeviceAuthorization("user_code = $2", userCode)
}

func (t *tx) UpdateDeviceAuthorization(d *directory.DeviceAuthorization) error {
	spec, err := json.Marshal(d.Spec)
	if err != nil {
		return err
	}
	return t.execOne(d.ID, "UPDATE oidc_device_codes SET spec = $3, user_id = $4, state = $5 WHERE tenant_id = $1 AND id = $2",
		d.ID, string(spec), d.UserID, d.State)
}
