-- Admin roles: the directory roles a tenant has activated (Graph's
-- directoryRole objects, with their per-tenant ids), and saved user views.

CREATE TABLE directory_roles (
    tenant_id        TEXT NOT NULL REFERENCES tenants (tenant_id),
    role_template_id TEXT NOT NULL,
    id               TEXT NOT NULL,
    activated_at     BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, role_template_id)
);
CREATE UNIQUE INDEX directory_roles_id ON directory_roles (tenant_id, id);

CREATE INDEX role_assignments_role ON role_assignments (tenant_id, role_template_id, principal_id);

CREATE TABLE user_views (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    name_fold  TEXT {C} NOT NULL,
    conditions TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX user_views_name ON user_views (tenant_id, name_fold);
