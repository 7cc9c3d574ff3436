package sqlstore

import (
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) GetTOTP(userID string) (directory.TOTP, error) {
	m := directory.TOTP{UserID: userID}
	var created int64
	err := t.queryRow("SELECT secret, confirmed, created_at, last_step FROM mfa_totp WHERE tenant_id = $1 AND user_id = $2", userID).
		Scan(&m.Secret, &m.Confirmed, &created, &m.LastStep)
	if err != nil {
		return m, notFound(err, "totp")
	}
	m.CreatedAt = fromMicros(created)
	secret, err := t.s.sealer.open(t.tenant, "totp", userID, []byte(m.Secret))
	m.Secret = string(secret)
	return m, err
}

func (t *tx) PutTOTP(m *directory.TOTP) error {
	_, err := t.exec(`INSERT INTO mfa_totp (tenant_id, user_id, secret, confirmed, created_at, last_step) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (tenant_id, user_id) DO UPDATE SET secret = $3, confirmed = $4, created_at = $5, last_step = $6`,
		m.UserID, string(t.s.sealer.seal(t.tenant, "totp", m.UserID, []byte(m.Secret))), m.Confirmed, micros(m.CreatedAt), m.LastStep)
	return err
}

func (t *tx) DeleteTOTP(userID string) error {
	if _, err := t.exec("DELETE FROM recovery_codes WHERE tenant_id = $1 AND user_id = $2", userID); err != nil {
		return err
	}
	return t.execOne("totp", "DELETE FROM mfa_totp WHERE tenant_id = $1 AND user_id = $2", userID)
}

func (t *tx) ReplaceRecoveryCodes(userID string, hashes []string) error {
	if _, err := t.exec("DELETE FROM recovery_codes WHERE tenant_id = $1 AND user_id = $2", userID); err != nil {
		return err
	}
	for _, h := range hashes {
		if _, err := t.exec("INSERT INTO recovery_codes (tenant_id, user_id, code_hash, used_at) VALUES ($1, $2, $3, 0)", userID, h); err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) UseRecoveryCode(userID, hash string, at time.Time) error {
	return t.execOne("recovery code", `UPDATE recovery_codes SET used_at = $4
		WHERE tenant_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at = 0`, userID, hash, micros(at))
}

func (t *tx) UnusedRecoveryCodes(userID string) (int, error) {
	var n int
	err := t.queryRow("SELECT count(*) FROM recovery_codes WHERE tenant_id = $1 AND user_id = $2 AND used_at = 0", userID).Scan(&n)
	return n, err
}
