package sqlstore

import (
	"encoding/json"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) CreateApplication(a *directory.Application) error {
	spec, err := json.Marshal(a.Spec)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO applications (tenant_id, id, app_id, display_name, spec, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		a.ID, a.AppID, a.DisplayName, string(spec), micros(a.CreatedAt))
	if isUnique(err) {
		return directory.Conflict("appId")
	}
	return err
}

func (t *tx) UpdateApplication(a *directory.Application) error {
	spec, err := json.Marshal(a.Spec)
	if err != nil {
		return err
	}
	return t.execOne(a.ID, "UPDATE applications SET display_name = $3, spec = $4 WHERE tenant_id = $1 AND id = $2", a.ID, a.DisplayName, string(spec))
}

func (t *tx) DeleteApplication(id string) error {
	if _, err := t.exec("DELETE FROM application_secrets WHERE tenant_id = $1 AND application_id = $2", id); err != nil {
		return err
	}
	return t.execOne(id, "DELETE FROM applications WHERE tenant_id = $1 AND id = $2", id)
}

func (t *tx) appSecrets(id string) ([]directory.AppSecret, error) {
	var out []directory.AppSecret
	err := t.each(`SELECT key_id, display_name, hint, secret_hash, start_at, end_at FROM application_secrets
		WHERE tenant_id = $1 AND application_id = $2 ORDER BY start_at, key_id`, []any{id}, func(r scanner) error {
		var s directory.AppSecret
		var start, end int64
		if err := r.Scan(&s.KeyID, &s.DisplayName, &s.Hint, &s.Hash, &start, &end); err != nil {
			return err
		}
		s.StartAt, s.EndAt = fromMicros(start), fromMicros(end)
		out = append(out, s)
		return nil
	})
	return out, err
}

func scanApplication(r scanner) (directory.Application, error) {
	var a directory.Application
	var spec string
	var created int64
	if err := r.Scan(&a.ID, &a.AppID, &a.DisplayName, &spec, &created); err != nil {
		return a, err
	}
	a.CreatedAt = fromMicros(created)
	return a, json.Unmarshal([]byte(spec), &a.Spec)
}

func (t *tx) GetApplication(id string) (directory.Application, error) {
	a, err := scanApplication(t.queryRow("SELECT id, app_id, display_name, spec, created_at FROM applications WHERE tenant_id = $1 AND (id = $2 OR app_id = $2)", id))
	if err != nil {
		return a, notFound(err, id)
	}
	a.Secrets, err = t.appSecrets(a.ID)
	return a, err
}

func (t *tx) ListApplications() ([]directory.Application, error) {
	var out []directory.Application
	err := t.each("SELECT id, app_id, display_name, spec, created_at FROM applications WHERE tenant_id = $1 ORDER BY display_name, id", nil,
		func(r scanner) error {
			a, err := scanApplication(r)
			out = append(out, a)
			return err
		})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Secrets, err = t.appSecrets(out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (t *tx) AddAppSecret(applicationID string, s *directory.AppSecret) error {
	_, err := t.exec(`INSERT INTO application_secrets (tenant_id, application_id, key_id, display_name, hint, secret_hash, start_at, end_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, applicationID, s.KeyID, s.DisplayName, s.Hint, s.Hash, micros(s.StartAt), micros(s.EndAt))
	return err
}

func (t *tx) RemoveAppSecret(applicationID, keyID string) error {
	return t.execOne(keyID, "DELETE FROM application_secrets WHERE tenant_id = $1 AND application_id = $2 AND key_id = $3", applicationID, keyID)
}
