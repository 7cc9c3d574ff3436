package sqlstore

import "github.com/atriumhq/atrium/internal/directory"

func (t *tx) ListInstalls(userID string) ([]directory.Install, error) {
	var out []directory.Install
	err := t.each(`SELECT id, user_id, kind, device_name, activated_at FROM app_installs
		WHERE tenant_id = $1 AND user_id = $2 ORDER BY kind, activated_at, id`, []any{userID}, func(r scanner) error {
		var in directory.Install
		var at int64
		err := r.Scan(&in.ID, &in.UserID, &in.Kind, &in.DeviceName, &at)
		in.ActivatedAt = fromMicros(at)
		out = append(out, in)
		return err
	})
	return out, err
}

func (t *tx) CreateInstall(in *directory.Install) error {
	_, err := t.exec("INSERT INTO app_installs (tenant_id, id, user_id, kind, device_name, activated_at) VALUES ($1, $2, $3, $4, $5, $6)",
		in.ID, in.UserID, in.Kind, in.DeviceName, micros(in.ActivatedAt))
	return err
}

func (t *tx) DeleteInstall(userID, id string) error {
	return t.execOne(id, "DELETE FROM app_installs WHERE tenant_id = $1 AND user_id = $2 AND id = $3", userID, id)
}
