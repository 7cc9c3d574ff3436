-- Multi-factor authentication: TOTP authenticator apps with recovery codes,
-- and the stage of a session that still waits for its second factor.
CREATE TABLE mfa_totp (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id    TEXT NOT NULL,
    secret     TEXT NOT NULL,
    confirmed  BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    last_step  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE TABLE recovery_codes (
    tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id   TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    used_at   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, code_hash)
);

ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN mfa_failures BIGINT NOT NULL DEFAULT 0;
