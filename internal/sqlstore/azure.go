package sqlstore

import (
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/azure"
)

const resourceSubCols = "id, display_name, state, provisioned_by_partner_tenant_id, created_by, created"

func (t *tx) CreateResourceSubscription(sub *azure.Subscription) error {
	_, err := t.exec(`INSERT INTO resource_subscriptions (tenant_id, `+resourceSubCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		sub.ID, sub.DisplayName, sub.State, sub.ProvisionedByPartner, sub.CreatedBy, micros(sub.CreatedAt))
	if isUnique(err) {
		return directory.Conflict("id")
	}
	return err
}

func (t *tx) scanResourceSubscriptions(q string, args ...any) ([]azure.Subscription, error) {
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []azure.Subscription
	for rows.Next() {
		var s azure.Subscription
		var created int64
		if err := rows.Scan(&s.ID, &s.DisplayName, &s.State, &s.ProvisionedByPartner, &s.CreatedBy, &created); err != nil {
			return nil, err
		}
		s.CreatedAt = fromMicros(created)
		out = append(out, s)
	}
	return out, rows.Err()
}

func (t *tx) GetResourceSubscription(id string) (azure.Subscription, error) {
	subs, err := t.scanResourceSubscriptions("SELECT "+resourceSubCols+" FROM resource_subscriptions WHERE tenant_id = $1 AND id = $2", id)
	if err != nil {
		return azure.Subscription{}, err
	}
	if len(subs) == 0 {
		return azure.Subscription{}, directory.NotFound(id)
	}
	return subs[0], nil
}

func (t *tx) ListResourceSubscriptions() ([]azure.Subscription, error) {
	return t.scanResourceSubscriptions("SELECT " + resourceSubCols + " FROM resource_subscriptions WHERE tenant_id = $1 ORDER BY display_name, id")
}

const roleAssignmentCols = "subscription_id, id, role_definition_id, principal_id, principal_type, created_by, created"

func (t *tx) CreateResourceRoleAssignment(a *azure.RoleAssignment) error {
	_, err := t.exec(`INSERT INTO resource_role_assignments (tenant_id, `+roleAssignmentCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		a.SubscriptionID, a.ID, a.RoleDefinitionID, a.PrincipalID, a.PrincipalType, a.CreatedBy, micros(a.CreatedAt))
	if isUnique(err) {
		return directory.Conflict("principalId")
	}
	return err
}

func (t *tx) ListResourceRoleAssignments(subscriptionID string) ([]azure.RoleAssignment, error) {
	rows, err := t.query("SELECT "+roleAssignmentCols+" FROM resource_role_assignments WHERE tenant_id = $1 AND subscription_id = $2 ORDER BY created, id",
		subscriptionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []azure.RoleAssignment
	for rows.Next() {
		var a azure.RoleAssignment
		var created int64
		if err := rows.Scan(&a.SubscriptionID, &a.ID, &a.RoleDefinitionID, &a.PrincipalID, &a.PrincipalType, &a.CreatedBy, &created); err != nil {
			return nil, err
		}
		a.CreatedAt = fromMicros(created)
		out = append(out, a)
	}
	return out, rows.Err()
}

func (t *tx) DeleteResourceRoleAssignment(subscriptionID, id string) error {
	return t.execOne(id, "DELETE FROM resource_role_assignments WHERE tenant_id = $1 AND subscription_id = $2 AND id = $3", subscriptionID, id)
}
