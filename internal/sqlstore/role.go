package sqlstore

import (
	"encoding/json"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) AddRoleAssignment(ra *directory.RoleAssignment) error {
	_, err := t.exec(`INSERT INTO role_assignments (tenant_id, id, role_template_id, principal_id, created_at)
		VALUES ($1, $2, $3, $4, $5)`, ra.ID, ra.RoleTemplateID, ra.PrincipalID, micros(ra.CreatedAt))
	if isUnique(err) {
		return directory.Conflict("roleDefinitionId")
	}
	return err
}

func (t *tx) GetRoleAssignment(id string) (directory.RoleAssignment, error) {
	var ra directory.RoleAssignment
	var created int64
	err := t.queryRow(`SELECT id, role_template_id, principal_id, created_at FROM role_assignments
		WHERE tenant_id = $1 AND id = $2`, id).Scan(&ra.ID, &ra.RoleTemplateID, &ra.PrincipalID, &created)
	ra.CreatedAt = fromMicros(created)
	return ra, notFound(err, id)
}

func (t *tx) RemoveRoleAssignment(id string) error {
	return t.execOne(id, "DELETE FROM role_assignments WHERE tenant_id = $1 AND id = $2", id)
}

func (t *tx) ListRoleAssignments(f directory.RoleFilter) ([]directory.RoleAssignment, error) {
	rows, err := t.query(`SELECT id, role_template_id, principal_id, created_at FROM role_assignments
		WHERE tenant_id = $1 AND ($2 = '' OR principal_id = $2) AND ($3 = '' OR role_template_id = $3)
		ORDER BY role_template_id, principal_id`, f.PrincipalID, f.RoleTemplateID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.RoleAssignment
	for rows.Next() {
		var ra directory.RoleAssignment
		var created int64
		if err := rows.Scan(&ra.ID, &ra.RoleTemplateID, &ra.PrincipalID, &created); err != nil {
			return nil, err
		}
		ra.CreatedAt = fromMicros(created)
		out = append(out, ra)
	}
	return out, rows.Err()
}

func (t *tx) ActivateRole(r *directory.ActivatedRole) error {
	_, err := t.exec(`INSERT INTO directory_roles (tenant_id, role_template_id, id, activated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (tenant_id, role_template_id) DO NOTHING`, r.RoleTemplateID, r.ID, micros(r.ActivatedAt))
	return err
}

func (t *tx) ListActivatedRoles() ([]directory.ActivatedRole, error) {
	rows, err := t.query("SELECT id, role_template_id, activated_at FROM directory_roles WHERE tenant_id = $1 ORDER BY activated_at, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.ActivatedRole
	for rows.Next() {
		var r directory.ActivatedRole
		var at int64
		if err := rows.Scan(&r.ID, &r.RoleTemplateID, &at); err != nil {
			return nil, err
		}
		r.ActivatedAt = fromMicros(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

func (t *tx) CreateUserView(v *directory.UserView) error {
	cond, err := json.Marshal(v.Conditions)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO user_views (tenant_id, id, name, name_fold, conditions, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		v.ID, v.Name, directory.Fold(v.Name), string(cond), micros(v.CreatedAt))
	if isUnique(err) {
		return directory.Conflict("name")
	}
	return err
}

func (t *tx) UpdateUserView(v *directory.UserView) error {
	cond, err := json.Marshal(v.Conditions)
	if err != nil {
		return err
	}
	err = t.execOne(v.ID, "UPDATE user_views SET name = $3, name_fold = $4, conditions = $5 WHERE tenant_id = $1 AND id = $2",
		v.ID, v.Name, directory.Fold(v.Name), string(cond))
	if isUnique(err) {
		return directory.Conflict("name")
	}
	return err
}

func (t *tx) DeleteUserView(id string) error {
	return t.execOne(id, "DELETE FROM user_views WHERE tenant_id = $1 AND id = $2", id)
}

func scanView(r scanner) (directory.UserView, error) {
	var v directory.UserView
	var cond string
	var created int64
	if err := r.Scan(&v.ID, &v.Name, &cond, &created); err != nil {
		return v, err
	}
	v.CreatedAt = fromMicros(created)
	return v, json.Unmarshal([]byte(cond), &v.Conditions)
}

func (t *tx) GetUserView(id string) (directory.UserView, error) {
	v, err := scanView(t.queryRow("SELECT id, name, conditions, created_at FROM user_views WHERE tenant_id = $1 AND id = $2", id))
	return v, notFound(err, id)
}

func (t *tx) ListUserViews() ([]directory.UserView, error) {
	var out []directory.UserView
	err := t.each("SELECT id, name, conditions, created_at FROM user_views WHERE tenant_id = $1 ORDER BY name_fold", nil, func(r scanner) error {
		v, err := scanView(r)
		out = append(out, v)
		return err
	})
	return out, err
}
