package sqlstore

import (
	"strconv"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

const relationshipCols = `customer_tenant_id, partner_tenant_id, contract_id, partner_name, customer_name, customer_domain,
	reseller_since, dap_since`

func (t *tx) scanRelationships(query string, args ...any) ([]partner.Relationship, error) {
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []partner.Relationship
	for rows.Next() {
		var r partner.Relationship
		var since, dap int64
		if err := rows.Scan(&r.CustomerTenantID, &r.PartnerTenantID, &r.ContractID, &r.PartnerName, &r.CustomerName,
			&r.CustomerDomain, &since, &dap); err != nil {
			return nil, err
		}
		r.ResellerSince, r.DAPSince = fromMicros(since), fromMicros(dap)
		out = append(out, r)
	}
	return out, rows.Err()
}

func (t *tx) PartnerRelationships() ([]partner.Relationship, error) {
	return t.scanRelationships("SELECT " + relationshipCols + " FROM partner_relationships WHERE customer_tenant_id = $1 ORDER BY partner_name, partner_tenant_id")
}

func (t *tx) GetPartnerRelationship(partnerTenantID string) (partner.Relationship, error) {
	rs, err := t.scanRelationships("SELECT "+relationshipCols+" FROM partner_relationships WHERE customer_tenant_id = $1 AND partner_tenant_id = $2", partnerTenantID)
	return one(rs, err, partnerTenantID)
}

// one returns the single relationship of a lookup, or NotFound.
func one(rs []partner.Relationship, err error, id string) (partner.Relationship, error) {
	if err != nil {
		return partner.Relationship{}, err
	}
	if len(rs) == 0 {
		return partner.Relationship{}, directory.NotFound(id)
	}
	return rs[0], nil
}

func (t *tx) PartnerCustomers(after partner.CustomerKey, limit int) ([]partner.Relationship, error) {
	return t.scanRelationships("SELECT "+relationshipCols+` FROM partner_relationships WHERE partner_tenant_id = $1
		AND (customer_name > $2 OR (customer_name = $2 AND customer_tenant_id > $3))
		ORDER BY customer_name, customer_tenant_id LIMIT $4`, after.Name, after.TenantID, limit)
}

func (t *tx) GetPartnerCustomer(customerTenantID string) (partner.Relationship, error) {
	rs, err := t.scanRelationships("SELECT "+relationshipCols+" FROM partner_relationships WHERE partner_tenant_id = $1 AND customer_tenant_id = $2", customerTenantID)
	return one(rs, err, customerTenantID)
}

func (t *tx) PutPartnerRelationship(r *partner.Relationship) error {
	r.CustomerTenantID = t.tenant
	_, err := t.exec(`INSERT INTO partner_relationships (`+relationshipCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (customer_tenant_id, partner_tenant_id) DO UPDATE SET contract_id = excluded.contract_id,
		partner_name = excluded.partner_name, customer_name = excluded.customer_name, customer_domain = excluded.customer_domain,
		reseller_since = excluded.reseller_since, dap_since = excluded.dap_since`,
		r.PartnerTenantID, r.ContractID, r.PartnerName, r.CustomerName, r.CustomerDomain, micros(r.ResellerSince), micros(r.DAPSince))
	return err
}

func (t *tx) DeletePartnerRelationship(partnerTenantID string) error {
	return t.execOne(partnerTenantID, "DELETE FROM partner_relationships WHERE customer_tenant_id = $1 AND partner_tenant_id = $2", partnerTenantID)
}

func (t *tx) CreatePartnerInvitation(inv *partner.Invitation) error {
	_, err := t.exec(`INSERT INTO partner_invitations (tenant_id, token_hash, delegated_admin, created_by, created_by_name,
		created_at, expires_at, accepted_at, accepted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		inv.TokenHash, inv.DelegatedAdmin, inv.CreatedBy, inv.CreatedByName, micros(inv.CreatedAt), micros(inv.ExpiresAt),
		micros(inv.AcceptedAt), inv.AcceptedBy)
	return err
}

func (t *tx) GetPartnerInvitation(tokenHash string) (partner.Invitation, error) {
	inv := partner.Invitation{TokenHash: tokenHash}
	var created, expires, accepted int64
	err := t.queryRow(`SELECT delegated_admin, created_by, created_by_name, created_at, expires_at, accepted_at, accepted_by
		FROM partner_invitations WHERE tenant_id = $1 AND token_hash = $2`, tokenHash).
		Scan(&inv.DelegatedAdmin, &inv.CreatedBy, &inv.CreatedByName, &created, &expires, &accepted, &inv.AcceptedBy)
	inv.CreatedAt, inv.ExpiresAt, inv.AcceptedAt = fromMicros(created), fromMicros(expires), fromMicros(accepted)
	return inv, notFound(err, "invitation")
}

func (t *tx) AcceptPartnerInvitation(inv *partner.Invitation) error {
	return t.execOne("invitation", `UPDATE partner_invitations SET accepted_at = $3, accepted_by = $4
		WHERE tenant_id = $1 AND token_hash = $2 AND accepted_at = 0`, inv.TokenHash, micros(inv.AcceptedAt), inv.AcceptedBy)
}

func (t *tx) PartnerActivity(before directory.PartnerCursor, limit int) ([]directory.PartnerEvent, error) {
	where, args := "partner_tenant_id = $1", []any{}
	if !before.At.IsZero() {
		where += " AND (at < $2 OR (at = $2 AND id < $3))"
		args = append(args, micros(before.At), before.ID)
	}
	args = append(args, limit)
	rows, err := t.query("SELECT tenant_id, "+auditCols+" FROM audit_events WHERE "+where+
		" ORDER BY at DESC, id DESC LIMIT $"+strconv.Itoa(len(args)+1), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []directory.PartnerEvent
	for rows.Next() {
		var pe directory.PartnerEvent
		e := &pe.Event
		var at int64
		var targets, partnerJSON string
		if err := rows.Scan(&pe.CustomerTenantID, &e.ID, &at, &e.Category, &e.Activity, &e.OperationType, &e.Result, &e.ResultReason,
			&e.CorrelationID, &e.Initiator.UserID, &e.Initiator.UPN, &e.Initiator.DisplayName, &e.Initiator.IPAddress,
			&e.Initiator.App, &targets, &partnerJSON); err != nil {
			return nil, err
		}
		if err := scanAudit(e, at, targets, partnerJSON); err != nil {
			return nil, err
		}
		out = append(out, pe)
	}
	return out, rows.Err()
}
