package sqlstore

import (
	"time"

	"encoding/json"
	"fmt"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) insertTenant(tn *directory.Tenant) error {
	org, err := json.Marshal(tn.Org)
	if err != nil {
		return err
	}
	settings, err := json.Marshal(tn.Settings)
	if err != nil {
		return err
	}
	_, err = t.exec("INSERT INTO tenants (tenant_id, created_at, cursor_secret, org, settings) VALUES ($1, $2, $3, $4, $5)",
		micros(tn.CreatedAt), tn.CursorSecret, string(org), string(settings))
	if isUnique(err) {
		return &directory.Error{Kind: directory.KindConflict, Field: "id", Message: "a tenant with this id exists"}
	}
	return err
}

func (t *tx) Tenant() (directory.Tenant, error) {
	tn := directory.Tenant{ID: t.tenant}
	var created int64
	var org, settings string
	err := t.queryRow("SELECT created_at, cursor_secret, org, settings FROM tenants WHERE tenant_id = $1").Scan(&created, &tn.CursorSecret, &org, &settings)
	if err != nil {
		return tn, notFound(err, t.tenant)
	}
	tn.CreatedAt = fromMicros(created)
	if err := json.Unmarshal([]byte(org), &tn.Org); err != nil {
		return tn, fmt.Errorf("decode organization: %w", err)
	}
	if err := json.Unmarshal([]byte(settings), &tn.Settings); err != nil {
		return tn, fmt.Errorf("decode settings: %w", err)
	}
	return tn, nil
}

func (t *tx) UpdateTenant(tn directory.Tenant) error {
	org, err := json.Marshal(tn.Org)
	if err != nil {
		return err
	}
	settings, err := json.Marshal(tn.Settings)
	if err != nil {
		return err
	}
	return t.execOne(t.tenant, "UPDATE tenants SET org = $2, settings = $3 WHERE tenant_id = $1", string(org), string(settings))
}

func (t *tx) AddSigningKey(k *directory.SigningKey) error {
	_, err := t.exec("INSERT INTO signing_keys (tenant_id, kid, private_pem, created_at, activates_at, retires_at) VALUES ($1, $2, $3, $4, $5, $6)",
		k.KID, t.s.sealer.seal(t.tenant, "signing-key", k.KID, k.PrivatePEM), micros(k.CreatedAt), micros(k.ActivatesAt), micros(k.RetiresAt))
	if isUnique(err) {
		return directory.Conflict("kid")
	}
	return err
}

func (t *tx) RetireSigningKey(kid string, at time.Time) error {
	return t.execOne(kid, "UPDATE signing_keys SET retires_at = $3 WHERE tenant_id = $1 AND kid = $2", kid, micros(at))
}

func (t *tx) DeleteSigningKey(kid string) error {
	return t.execOne(kid, "DELETE FROM signing_keys WHERE tenant_id = $1 AND kid = $2", kid)
}

func (t *tx) SigningKeys() ([]directory.SigningKey, error) {
	rows, err := t.query("SELECT kid, private_pem, created_at, activates_at, retires_at FROM signing_keys WHERE tenant_id = $1 ORDER BY created_at DESC, kid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.SigningKey
	for rows.Next() {
		var k directory.SigningKey
		var created, activates, retires int64
		if err := rows.Scan(&k.KID, &k.PrivatePEM, &created, &activates, &retires); err != nil {
			return nil, err
		}
		k.CreatedAt, k.ActivatesAt, k.RetiresAt = fromMicros(created), fromMicros(activates), fromMicros(retires)
		if k.PrivatePEM, err = t.s.sealer.open(t.tenant, "signing-key", k.KID, k.PrivatePEM); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
