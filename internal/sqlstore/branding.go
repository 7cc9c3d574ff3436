package sqlstore

import (
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/atriumhq/atrium/internal/directory"
)

// GetBranding returns the tenant's branding; none set is the zero value.
func (t *tx) GetBranding() (directory.Branding, error) {
	var b directory.Branding
	var spec string
	var updated int64
	err := t.queryRow("SELECT spec, logo, logo_type, updated_at FROM branding WHERE tenant_id = $1").Scan(&spec, &b.Logo, &b.LogoType, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return directory.Branding{}, nil
	} else if err != nil {
		return b, err
	}
	b.UpdatedAt = fromMicros(updated)
	return b, json.Unmarshal([]byte(spec), &b.Spec)
}

func (t *tx) PutBranding(b *directory.Branding) error {
	spec, err := json.Marshal(b.Spec)
	if err != nil {
		return err
	}
	logo := b.Logo
	if logo == nil {
		logo = []byte{}
	}
	_, err = t.exec(`INSERT INTO branding (tenant_id, spec, logo, logo_type, updated_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (tenant_id) DO UPDATE SET spec = excluded.spec, logo = excluded.logo, logo_type = excluded.logo_type, updated_at = excluded.updated_at`,
		string(spec), logo, b.LogoType, micros(b.UpdatedAt))
	return err
}
