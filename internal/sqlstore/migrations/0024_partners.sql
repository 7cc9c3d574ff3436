-- Partners (issue 8): reseller relationships with delegated admin, the
-- invitations that start them, and audit events partners' users cause in
-- their customers.
CREATE TABLE partner_relationships (
    customer_tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    partner_tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    contract_id        TEXT NOT NULL,
    partner_name       TEXT NOT NULL,
    customer_name      TEXT {C} NOT NULL,
    customer_domain    TEXT NOT NULL,
    reseller_since     BIGINT NOT NULL,
    dap_since          BIGINT NOT NULL,
    PRIMARY KEY (customer_tenant_id, partner_tenant_id)
);
CREATE UNIQUE INDEX partner_relationships_partner ON partner_relationships (partner_tenant_id, customer_name, customer_tenant_id);

CREATE TABLE partner_invitations (
    tenant_id       TEXT NOT NULL REFERENCES tenants (tenant_id),
    token_hash      TEXT NOT NULL,
    delegated_admin BOOLEAN NOT NULL,
    created_by      TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    accepted_at     BIGINT NOT NULL,
    accepted_by     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, token_hash)
);

ALTER TABLE audit_events ADD COLUMN initiator_partner TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN partner_tenant_id TEXT {C} NOT NULL DEFAULT '';
CREATE INDEX audit_events_partner ON audit_events (partner_tenant_id, at, id) WHERE partner_tenant_id <> '';

-- A service request a partner's user opened for the customer names the partner.
ALTER TABLE support_requests ADD COLUMN partner_tenant_id TEXT NOT NULL DEFAULT '';
ALTER TABLE support_requests ADD COLUMN partner_name TEXT NOT NULL DEFAULT '';
