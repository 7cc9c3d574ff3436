-- Resource subscriptions with role assignments (partners.md §7) and
-- Windows Autopilot devices and deployment profiles (§8).
CREATE TABLE resource_subscriptions (
    tenant_id                        TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                               TEXT NOT NULL,
    display_name                     TEXT {C} NOT NULL,
    state                            TEXT NOT NULL,
    provisioned_by_partner_tenant_id TEXT NOT NULL,
    created_by                       TEXT NOT NULL,
    created                          BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE resource_role_assignments (
    tenant_id          TEXT NOT NULL,
    subscription_id    TEXT NOT NULL,
    id                 TEXT NOT NULL,
    role_definition_id TEXT NOT NULL,
    principal_id       TEXT NOT NULL,
    principal_type     TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    created            BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES resource_subscriptions (tenant_id, id)
);
CREATE UNIQUE INDEX resource_role_assignments_principal
    ON resource_role_assignments (tenant_id, subscription_id, role_definition_id, principal_id);

CREATE TABLE autopilot_profiles (
    tenant_id                          TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                                 TEXT NOT NULL,
    name                               TEXT {C} NOT NULL,
    description                        TEXT NOT NULL,
    skip_privacy_settings              BOOLEAN NOT NULL,
    disable_local_admin_account        BOOLEAN NOT NULL,
    skip_work_or_school_question       BOOLEAN NOT NULL,
    skip_assistant_cloud_and_oem_pages BOOLEAN NOT NULL,
    skip_eula                          BOOLEAN NOT NULL,
    created_by                         TEXT NOT NULL,
    created                            BIGINT NOT NULL,
    modified                           BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE autopilot_devices (
    tenant_id                  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                         TEXT NOT NULL,
    serial_number              TEXT NOT NULL,
    product_key                TEXT NOT NULL,
    hardware_hash              TEXT NOT NULL,
    manufacturer               TEXT NOT NULL,
    model                      TEXT NOT NULL,
    group_tag                  TEXT NOT NULL,
    batch_name                 TEXT NOT NULL,
    uploaded                   BIGINT NOT NULL,
    added_by_kind              TEXT NOT NULL,
    added_by_partner_tenant_id TEXT NOT NULL,
    added_by_channel           TEXT NOT NULL,
    deployment_profile_id      TEXT NOT NULL,
    profile_assignment_status  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX autopilot_devices_serial ON autopilot_devices (tenant_id, manufacturer, model, serial_number) WHERE serial_number <> '';
CREATE UNIQUE INDEX autopilot_devices_product_key ON autopilot_devices (tenant_id, product_key) WHERE product_key <> '';
CREATE INDEX autopilot_devices_profile ON autopilot_devices (tenant_id, deployment_profile_id);
