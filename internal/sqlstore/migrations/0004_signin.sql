-- Sign-in: smart lockout state per user, failed attempts per source
-- address, and the sign-in log. All in the database, so every replica sees
-- the same counters.

CREATE TABLE sign_in_state (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id      TEXT NOT NULL,
    failures     BIGINT NOT NULL,
    lockouts     BIGINT NOT NULL,
    locked_until BIGINT NOT NULL,
    recent_bad   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE address_failures (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    address      TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    failures     BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, address)
);

CREATE TABLE sign_ins (
    tenant_id      TEXT NOT NULL REFERENCES tenants (tenant_id),
    id             TEXT NOT NULL,
    at             BIGINT NOT NULL,
    user_id        TEXT {C} NOT NULL,
    upn            TEXT NOT NULL,
    upn_fold       TEXT {C} NOT NULL,
    display_name   TEXT NOT NULL,
    ip             TEXT {C} NOT NULL,
    client_app     TEXT {C} NOT NULL,
    error_code     BIGINT NOT NULL,
    failure_reason TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sign_ins_at ON sign_ins (tenant_id, at, id);
CREATE INDEX sign_ins_expiry ON sign_ins (at);
