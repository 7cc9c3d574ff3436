-- Registered devices and their registered owners. Filtered names have
-- *_fold twins, as on users.
CREATE TABLE devices (
    tenant_id                TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                       TEXT NOT NULL,
    device_id                TEXT NOT NULL,
    display_name             TEXT NOT NULL,
    display_name_fold        TEXT {C} NOT NULL,
    operating_system         TEXT NOT NULL,
    operating_system_fold    TEXT {C} NOT NULL,
    operating_system_version TEXT NOT NULL,
    trust_type               TEXT NOT NULL,
    account_enabled          BOOLEAN NOT NULL,
    is_compliant             BOOLEAN NOT NULL,
    is_managed               BOOLEAN NOT NULL,
    registered_at            BIGINT NOT NULL,
    last_sign_in_at          BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX devices_device_id ON devices (tenant_id, device_id);
CREATE INDEX devices_display_name ON devices (tenant_id, display_name_fold, id);

CREATE TABLE device_owners (
    tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    device_id TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, device_id, user_id)
);
CREATE INDEX device_owners_user ON device_owners (tenant_id, user_id);
