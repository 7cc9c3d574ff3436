package sqlstore

import "github.com/atriumhq/atrium/internal/directory"

func (t *tx) CreatePasswordLink(l *directory.PasswordLink) error {
	_, err := t.exec("INSERT INTO password_links (tenant_id, token_hash, user_id, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6)",
		l.TokenHash, l.UserID, micros(l.CreatedAt), micros(l.ExpiresAt), micros(l.UsedAt))
	return err
}

func (t *tx) GetPasswordLink(tokenHash string) (directory.PasswordLink, error) {
	l := directory.PasswordLink{TokenHash: tokenHash}
	var created, expires, used int64
	err := t.queryRow("SELECT user_id, created_at, expires_at, used_at FROM password_links WHERE tenant_id = $1 AND token_hash = $2", tokenHash).
		Scan(&l.UserID, &created, &expires, &used)
	l.CreatedAt, l.ExpiresAt, l.UsedAt = fromMicros(created), fromMicros(expires), fromMicros(used)
	return l, notFound(err, "link")
}

func (t *tx) UpdatePasswordLink(l *directory.PasswordLink) error {
	return t.execOne("link", "UPDATE password_links SET used_at = $3 WHERE tenant_id = $1 AND token_hash = $2", l.TokenHash, micros(l.UsedAt))
}

func (t *tx) DeletePasswordLinks(userID string) error {
	_, err := t.exec("DELETE FROM password_links WHERE tenant_id = $1 AND user_id = $2", userID)
	return err
}
