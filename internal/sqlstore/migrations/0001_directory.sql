-- Directory core: tenants, users, groups, domains, roles, keys and audit.
-- Every table leads its primary key with tenant_id. {C} is a binary
-- collation on PostgreSQL (so folded columns sort and prefix-match bytewise
-- on both databases), {BLOB} the binary type.

CREATE TABLE tenants (
    tenant_id     TEXT PRIMARY KEY,
    created_at    BIGINT NOT NULL,
    cursor_secret {BLOB} NOT NULL,
    org           TEXT NOT NULL
);

-- Users. Every property a filter compares has a *_fold twin holding Go's
-- lower-case form, so that case-insensitive comparison, prefix match and
-- order are the same bytewise operations on both databases.
CREATE TABLE users (
    tenant_id                 TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                        TEXT NOT NULL,
    account_enabled           BOOLEAN NOT NULL,
    display_name              TEXT NOT NULL,
    display_name_fold         TEXT {C} NOT NULL,
    search_tokens             TEXT {C} NOT NULL,
    given_name                TEXT NOT NULL,
    given_name_fold           TEXT {C} NOT NULL,
    surname                   TEXT NOT NULL,
    surname_fold              TEXT {C} NOT NULL,
    upn                       TEXT NOT NULL,
    upn_fold                  TEXT {C} NOT NULL,
    mail                      TEXT NOT NULL,
    mail_fold                 TEXT {C} NOT NULL,
    mail_nickname             TEXT NOT NULL,
    mail_nickname_fold        TEXT {C} NOT NULL,
    job_title                 TEXT NOT NULL,
    job_title_fold            TEXT {C} NOT NULL,
    department                TEXT NOT NULL,
    department_fold           TEXT {C} NOT NULL,
    office_location           TEXT NOT NULL,
    office_location_fold      TEXT {C} NOT NULL,
    company_name              TEXT NOT NULL,
    company_name_fold         TEXT {C} NOT NULL,
    employee_id               TEXT NOT NULL,
    employee_id_fold          TEXT {C} NOT NULL,
    business_phones           TEXT {C} NOT NULL,
    mobile_phone              TEXT NOT NULL,
    mobile_phone_fold         TEXT {C} NOT NULL,
    fax_number                TEXT NOT NULL,
    street_address            TEXT NOT NULL,
    city                      TEXT NOT NULL,
    city_fold                 TEXT {C} NOT NULL,
    state                     TEXT NOT NULL,
    state_fold                TEXT {C} NOT NULL,
    postal_code               TEXT NOT NULL,
    postal_code_fold          TEXT {C} NOT NULL,
    country                   TEXT NOT NULL,
    country_fold              TEXT {C} NOT NULL,
    usage_location            TEXT NOT NULL,
    usage_location_fold       TEXT {C} NOT NULL,
    preferred_language        TEXT NOT NULL,
    preferred_language_fold   TEXT {C} NOT NULL,
    other_mails               TEXT {C} NOT NULL,
    user_type                 TEXT NOT NULL,
    user_type_fold            TEXT {C} NOT NULL,
    on_prem_sync              BOOLEAN,
    on_prem_immutable_id      TEXT {C} NOT NULL,
    password_hash             TEXT NOT NULL,
    force_change              BOOLEAN NOT NULL,
    password_changed_at       BIGINT NOT NULL,
    created_at                BIGINT NOT NULL,
    deleted_at                BIGINT,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX users_active_id ON users (tenant_id, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_display ON users (tenant_id, display_name_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_upn ON users (tenant_id, upn_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_mail ON users (tenant_id, mail_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_created ON users (tenant_id, created_at, id) WHERE deleted_at IS NULL;
-- The common filter properties: an equality filter reads its first page in
-- id order straight from the index, whatever the tenant's size.
CREATE INDEX users_active_department ON users (tenant_id, department_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_job_title ON users (tenant_id, job_title_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_company ON users (tenant_id, company_name_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_office ON users (tenant_id, office_location_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_city ON users (tenant_id, city_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_country ON users (tenant_id, country_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_usage_location ON users (tenant_id, usage_location_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_employee_id ON users (tenant_id, employee_id_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_given_name ON users (tenant_id, given_name_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_surname ON users (tenant_id, surname_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_active_nickname ON users (tenant_id, mail_nickname_fold, id) WHERE deleted_at IS NULL;
CREATE INDEX users_deleted ON users (tenant_id, deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX users_expiry ON users (deleted_at) WHERE deleted_at IS NOT NULL;

-- The tenant's address space: user principal names and mail addresses of
-- users and groups, unique case-insensitively across all of them.
CREATE TABLE addresses (
    tenant_id   TEXT NOT NULL REFERENCES tenants (tenant_id),
    address     TEXT {C} NOT NULL,
    domain      TEXT {C} NOT NULL,
    object_id   TEXT NOT NULL,
    object_type TEXT NOT NULL,
    property    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, address)
);
CREATE INDEX addresses_domain ON addresses (tenant_id, domain);
CREATE INDEX addresses_object ON addresses (tenant_id, object_id);

CREATE TABLE dir_groups (
    tenant_id           TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                  TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    display_name_fold   TEXT {C} NOT NULL,
    search_tokens       TEXT {C} NOT NULL,
    description         TEXT NOT NULL,
    description_fold    TEXT {C} NOT NULL,
    description_tokens  TEXT {C} NOT NULL,
    mail_nickname       TEXT NOT NULL,
    mail_nickname_fold  TEXT {C} NOT NULL,
    mail                TEXT NOT NULL,
    mail_fold           TEXT {C} NOT NULL,
    mail_enabled        BOOLEAN NOT NULL,
    security_enabled    BOOLEAN NOT NULL,
    group_types         TEXT {C} NOT NULL,
    visibility          TEXT NOT NULL,
    on_prem_sync        BOOLEAN,
    created_at          BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX dir_groups_display ON dir_groups (tenant_id, display_name_fold, id);

CREATE TABLE group_members (
    tenant_id   TEXT NOT NULL REFERENCES tenants (tenant_id),
    group_id    TEXT NOT NULL,
    member_id   TEXT NOT NULL,
    member_type TEXT NOT NULL,
    PRIMARY KEY (tenant_id, group_id, member_id)
);
CREATE INDEX group_members_member ON group_members (tenant_id, member_id);

CREATE TABLE group_owners (
    tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    group_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, group_id, user_id)
);
CREATE INDEX group_owners_user ON group_owners (tenant_id, user_id);

CREATE TABLE domains (
    tenant_id         TEXT NOT NULL REFERENCES tenants (tenant_id),
    name              TEXT {C} NOT NULL,
    is_verified       BOOLEAN NOT NULL,
    is_default        BOOLEAN NOT NULL,
    is_initial        BOOLEAN NOT NULL,
    is_root           BOOLEAN NOT NULL,
    auth_type         TEXT NOT NULL,
    verification_code TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    verified_at       BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
-- A domain is verified by one tenant at most: the one global index.
CREATE UNIQUE INDEX domains_verified ON domains (name) WHERE is_verified;
-- One default domain per tenant.
CREATE UNIQUE INDEX domains_default ON domains (tenant_id) WHERE is_default;

CREATE TABLE role_assignments (
    tenant_id        TEXT NOT NULL REFERENCES tenants (tenant_id),
    id               TEXT NOT NULL,
    role_template_id TEXT NOT NULL,
    principal_id     TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX role_assignments_principal ON role_assignments (tenant_id, principal_id, role_template_id);

CREATE TABLE signing_keys (
    tenant_id   TEXT NOT NULL REFERENCES tenants (tenant_id),
    kid         TEXT NOT NULL,
    private_pem {BLOB} NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, kid)
);

CREATE TABLE audit_events (
    tenant_id          TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                 TEXT NOT NULL,
    at                 BIGINT NOT NULL,
    category           TEXT {C} NOT NULL,
    activity           TEXT {C} NOT NULL,
    operation_type     TEXT {C} NOT NULL,
    result             TEXT {C} NOT NULL,
    result_reason      TEXT NOT NULL,
    correlation_id     TEXT {C} NOT NULL,
    initiator_user_id  TEXT {C} NOT NULL,
    initiator_upn      TEXT NOT NULL,
    initiator_upn_fold TEXT {C} NOT NULL,
    initiator_name     TEXT NOT NULL,
    initiator_ip       TEXT NOT NULL,
    initiator_app      TEXT {C} NOT NULL,
    targets            TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_events_at ON audit_events (tenant_id, at, id);

CREATE TABLE audit_targets (
    tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    target_id TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, target_id, event_id)
);
