package sqlstore

import (
	"github.com/atriumhq/atrium/internal/directory"
)

const domainCols = "name, is_verified, is_default, is_initial, is_root, auth_type, verification_code, created_at, verified_at"

func scanDomain(r scanner) (directory.Domain, error) {
	var d directory.Domain
	var created, verified int64
	err := r.Scan(&d.Name, &d.IsVerified, &d.IsDefault, &d.IsInitial, &d.IsRoot, &d.AuthenticationType,
		&d.VerificationCode, &created, &verified)
	d.CreatedAt, d.VerifiedAt = fromMicros(created), fromMicros(verified)
	return d, err
}

func (t *tx) CreateDomain(d *directory.Domain) error {
	_, err := t.exec(`INSERT INTO domains (tenant_id, `+domainCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		d.Name, d.IsVerified, d.IsDefault, d.IsInitial, d.IsRoot, d.AuthenticationType, d.VerificationCode,
		micros(d.CreatedAt), micros(d.VerifiedAt))
	if isUnique(err) {
		return directory.Conflict("id")
	}
	return err
}

func (t *tx) GetDomain(name string) (directory.Domain, error) {
	d, err := scanDomain(t.queryRow("SELECT "+domainCols+" FROM domains WHERE tenant_id = $1 AND name = $2", name))
	return d, notFound(err, name)
}

func (t *tx) ListDomains() ([]directory.Domain, error) {
	rows, err := t.query("SELECT " + domainCols + " FROM domains WHERE tenant_id = $1 ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.Domain
	for rows.Next() {
		d, err := scanDomain(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (t *tx) UpdateDomain(d *directory.Domain) error {
	err := t.execOne(d.Name, `UPDATE domains SET is_verified = $3, is_default = $4, is_initial = $5, is_root = $6,
		auth_type = $7, verification_code = $8, verified_at = $9 WHERE tenant_id = $1 AND name = $2`,
		d.Name, d.IsVerified, d.IsDefault, d.IsInitial, d.IsRoot, d.AuthenticationType, d.VerificationCode, micros(d.VerifiedAt))
	if isUnique(err) {
		return directory.Conflict("id")
	}
	return err
}

func (t *tx) DeleteDomain(name string) error {
	return t.execOne(name, "DELETE FROM domains WHERE tenant_id = $1 AND name = $2", name)
}

// VerifiedElsewhere is the one read that looks past the tenant: it tells
// only whether another tenant verified the name, never which.
func (t *tx) VerifiedElsewhere(name string) (bool, error) {
	var found bool
	err := t.queryRow("SELECT EXISTS (SELECT 1 FROM domains WHERE name = $2 AND is_verified AND tenant_id <> $1)", name).Scan(&found)
	return found, err
}

func (t *tx) DomainUsage(name string) (directory.DomainUsage, error) {
	var u directory.DomainUsage
	err := t.queryRow(`SELECT
		(SELECT count(DISTINCT object_id) FROM addresses WHERE tenant_id = $1 AND domain = $2 AND object_type = 'user'),
		(SELECT count(DISTINCT object_id) FROM addresses WHERE tenant_id = $1 AND domain = $2 AND object_type = 'group'),
		(SELECT count(*) FROM users WHERE tenant_id = $1 AND deleted_at IS NOT NULL
			AND (upn_fold LIKE $3 ESCAPE '\' OR mail_fold LIKE $3 ESCAPE '\'))`, name, "%@"+likeEscape(name)).Scan(&u.Users, &u.Groups, &u.DeletedUsers)
	return u, err
}
