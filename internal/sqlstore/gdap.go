package sqlstore

import (
	"context"
	"encoding/json"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

const gdapCols = `partner_tenant_id, id, customer_tenant_id, customer_name, display_name, duration, roles, auto_extend, status,
	created_at, modified_at, locked_at, activated_at, end_at, version, notices, due_at`

func (t *tx) scanGDAP(query string, args ...any) ([]partner.GDAPRelationship, error) {
	var out []partner.GDAPRelationship
	err := t.each(query, args, func(sc scanner) error {
		var r partner.GDAPRelationship
		var roles string
		var created, modified, locked, activated, end, due int64
		if err := sc.Scan(&r.PartnerTenantID, &r.ID, &r.CustomerTenantID, &r.CustomerName, &r.DisplayName, &r.Duration, &roles,
			&r.AutoExtend, &r.Status, &created, &modified, &locked, &activated, &end, &r.Version, &r.Notices, &due); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(roles), &r.Roles); err != nil {
			return err
		}
		r.CreatedAt, r.ModifiedAt, r.LockedAt = fromMicros(created), fromMicros(modified), fromMicros(locked)
		r.ActivatedAt, r.EndAt, r.DueAt = fromMicros(activated), fromMicros(end), fromMicros(due)
		out = append(out, r)
		return nil
	})
	return out, err
}

// oneGDAP returns the single relationship of a lookup, or NotFound.
func oneGDAP(rs []partner.GDAPRelationship, err error, id string) (partner.GDAPRelationship, error) {
	if err != nil {
		return partner.GDAPRelationship{}, err
	}
	if len(rs) == 0 {
		return partner.GDAPRelationship{}, directory.NotFound(id)
	}
	return rs[0], nil
}

func rolesJSON(roles []string) string {
	if roles == nil {
		roles = []string{}
	}
	b, _ := json.Marshal(roles)
	return string(b)
}

func (t *tx) CreateGDAPRelationship(r *partner.GDAPRelationship) error {
	r.PartnerTenantID = t.tenant
	_, err := t.exec(`INSERT INTO gdap_relationships (`+gdapCols+`, display_name_fold)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
		r.ID, r.CustomerTenantID, r.CustomerName, r.DisplayName, r.Duration, rolesJSON(r.Roles), r.AutoExtend, r.Status,
		micros(r.CreatedAt), micros(r.ModifiedAt), micros(r.LockedAt), micros(r.ActivatedAt), micros(r.EndAt), r.Version, r.Notices,
		micros(r.DueAt), directory.Fold(r.DisplayName))
	if isUnique(err) {
		return directory.Conflict("displayName")
	}
	return err
}

func (t *tx) GetGDAPRelationship(id string) (partner.GDAPRelationship, error) {
	rs, err := t.scanGDAP("SELECT "+gdapCols+" FROM gdap_relationships WHERE partner_tenant_id = $1 AND id = $2", id)
	return oneGDAP(rs, err, id)
}

func (t *tx) ListGDAPRelationships(customerTenantID string) ([]partner.GDAPRelationship, error) {
	if customerTenantID == "" {
		return t.scanGDAP("SELECT " + gdapCols + " FROM gdap_relationships WHERE partner_tenant_id = $1 ORDER BY created_at, id")
	}
	return t.scanGDAP("SELECT "+gdapCols+" FROM gdap_relationships WHERE partner_tenant_id = $1 AND customer_tenant_id = $2 ORDER BY created_at, id",
		customerTenantID)
}

func (t *tx) UpdateGDAPRelationship(r *partner.GDAPRelationship) error {
	err := t.execOne(r.ID, `UPDATE gdap_relationships SET customer_tenant_id = $3, customer_name = $4, display_name = $5,
		display_name_fold = $6, duration = $7, roles = $8, auto_extend = $9, status = $10, modified_at = $11, locked_at = $12,
		activated_at = $13, end_at = $14, version = $15, notices = $16, due_at = $17
		WHERE partner_tenant_id = $1 AND id = $2`,
		r.ID, r.CustomerTenantID, r.CustomerName, r.DisplayName, directory.Fold(r.DisplayName), r.Duration, rolesJSON(r.Roles),
		r.AutoExtend, r.Status, micros(r.ModifiedAt), micros(r.LockedAt), micros(r.ActivatedAt), micros(r.EndAt), r.Version,
		r.Notices, micros(r.DueAt))
	if isUnique(err) {
		return directory.Conflict("displayName")
	}
	return err
}

func (t *tx) DeleteGDAPRelationship(id string) error {
	if err := t.DeleteGDAPAssignments(id); err != nil {
		return err
	}
	return t.execOne(id, "DELETE FROM gdap_relationships WHERE partner_tenant_id = $1 AND id = $2", id)
}

func (t *tx) CustomerGDAPRelationships() ([]partner.GDAPRelationship, error) {
	return t.scanGDAP("SELECT " + gdapCols + " FROM gdap_relationships WHERE customer_tenant_id = $1 ORDER BY created_at, id")
}

func (t *tx) GetCustomerGDAPRelationship(id string) (partner.GDAPRelationship, error) {
	rs, err := t.scanGDAP("SELECT "+gdapCols+" FROM gdap_relationships WHERE customer_tenant_id = $1 AND id = $2", id)
	return oneGDAP(rs, err, id)
}

const assignmentCols = "relationship_id, id, group_id, roles, status, created_at, modified_at, version"

func (t *tx) scanAssignments(query string, args ...any) ([]partner.GDAPAssignment, error) {
	var out []partner.GDAPAssignment
	err := t.each(query, args, func(sc scanner) error {
		var a partner.GDAPAssignment
		var roles string
		var created, modified int64
		if err := sc.Scan(&a.RelationshipID, &a.ID, &a.GroupID, &roles, &a.Status, &created, &modified, &a.Version); err != nil {
			return err
		}
		a.CreatedAt, a.ModifiedAt = fromMicros(created), fromMicros(modified)
		out = append(out, a)
		return json.Unmarshal([]byte(roles), &out[len(out)-1].Roles)
	})
	return out, err
}

func (t *tx) CreateGDAPAssignment(a *partner.GDAPAssignment) error {
	_, err := t.exec(`INSERT INTO gdap_access_assignments (partner_tenant_id, `+assignmentCols+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		a.RelationshipID, a.ID, a.GroupID, rolesJSON(a.Roles), a.Status, micros(a.CreatedAt), micros(a.ModifiedAt), a.Version)
	if isUnique(err) {
		return directory.Conflict("accessContainer")
	}
	return err
}

func (t *tx) GetGDAPAssignment(relationshipID, id string) (partner.GDAPAssignment, error) {
	as, err := t.scanAssignments("SELECT "+assignmentCols+` FROM gdap_access_assignments
		WHERE partner_tenant_id = $1 AND relationship_id = $2 AND id = $3`, relationshipID, id)
	if err == nil && len(as) == 0 {
		err = directory.NotFound(id)
	}
	if err != nil {
		return partner.GDAPAssignment{}, err
	}
	return as[0], nil
}

func (t *tx) ListGDAPAssignments(relationshipID string) ([]partner.GDAPAssignment, error) {
	return t.scanAssignments("SELECT "+assignmentCols+` FROM gdap_access_assignments
		WHERE partner_tenant_id = $1 AND relationship_id = $2 ORDER BY created_at, id`, relationshipID)
}

func (t *tx) UpdateGDAPAssignment(a *partner.GDAPAssignment) error {
	return t.execOne(a.ID, `UPDATE gdap_access_assignments SET roles = $4, status = $5, modified_at = $6, version = $7
		WHERE partner_tenant_id = $1 AND relationship_id = $2 AND id = $3`,
		a.RelationshipID, a.ID, rolesJSON(a.Roles), a.Status, micros(a.ModifiedAt), a.Version)
}

func (t *tx) DeleteGDAPAssignment(relationshipID, id string) error {
	return t.execOne(id, "DELETE FROM gdap_access_assignments WHERE partner_tenant_id = $1 AND relationship_id = $2 AND id = $3",
		relationshipID, id)
}

func (t *tx) DeleteGDAPAssignments(relationshipID string) error {
	_, err := t.exec("DELETE FROM gdap_access_assignments WHERE partner_tenant_id = $1 AND relationship_id = $2", relationshipID)
	return err
}

func (t *tx) GDAPGroupAssigned(groupID string) (bool, error) {
	var n int
	err := t.queryRow("SELECT COUNT(*) FROM gdap_access_assignments WHERE partner_tenant_id = $1 AND group_id = $2", groupID).Scan(&n)
	return n > 0, err
}

// DueGDAPRelationships lists relationships of any partner whose job work
// is due at now.
func (s *Store) DueGDAPRelationships(ctx context.Context, now time.Time, limit int) ([]directory.TenantObject, error) {
	return s.tenantObjects(ctx, `SELECT partner_tenant_id, id FROM gdap_relationships
		WHERE due_at > 0 AND due_at <= $1 ORDER BY due_at LIMIT $2`, micros(now), limit)
}
