-- GDAP (issue 8): granular delegated admin relationships, stored in the
-- partner tenant and found from the customer's side too, and their access
-- assignments to the partner's security groups.
CREATE TABLE gdap_relationships (
    partner_tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                 TEXT NOT NULL,
    customer_tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    customer_name      TEXT NOT NULL,
    display_name       TEXT NOT NULL,
    display_name_fold  TEXT {C} NOT NULL,
    duration           TEXT NOT NULL,
    roles              TEXT NOT NULL, -- JSON array of role template ids
    auto_extend        TEXT NOT NULL,
    status             TEXT NOT NULL,
    created_at         BIGINT NOT NULL,
    modified_at        BIGINT NOT NULL,
    locked_at          BIGINT NOT NULL,
    activated_at       BIGINT NOT NULL,
    end_at             BIGINT NOT NULL,
    version            BIGINT NOT NULL,
    notices            INTEGER NOT NULL, -- bits of the notices sent
    due_at             BIGINT NOT NULL,  -- when the GDAP job next acts; 0: never
    PRIMARY KEY (partner_tenant_id, id)
);
CREATE UNIQUE INDEX gdap_relationships_name ON gdap_relationships (partner_tenant_id, display_name_fold);
CREATE INDEX gdap_relationships_customer ON gdap_relationships (customer_tenant_id, partner_tenant_id);
CREATE INDEX gdap_relationships_due ON gdap_relationships (due_at) WHERE due_at > 0;

CREATE TABLE gdap_access_assignments (
    partner_tenant_id TEXT NOT NULL,
    relationship_id   TEXT NOT NULL,
    id                TEXT NOT NULL,
    group_id          TEXT NOT NULL,
    roles             TEXT NOT NULL, -- JSON array of role template ids
    status            TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    modified_at       BIGINT NOT NULL,
    version           BIGINT NOT NULL,
    PRIMARY KEY (partner_tenant_id, relationship_id, id),
    FOREIGN KEY (partner_tenant_id, relationship_id) REFERENCES gdap_relationships (partner_tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX gdap_access_assignments_group ON gdap_access_assignments (partner_tenant_id, relationship_id, group_id);
CREATE INDEX gdap_access_assignments_by_group ON gdap_access_assignments (partner_tenant_id, group_id);
