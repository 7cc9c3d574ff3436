-- OpenID Connect device authorization (RFC 8628): the device code is kept
-- as SHA-256; the short user code is unique within a tenant while it lives.
CREATE TABLE oidc_device_codes (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id         TEXT NOT NULL,
    user_code  TEXT NOT NULL,
    client_id  TEXT NOT NULL,
    spec       TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    state      TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX oidc_device_codes_user_code ON oidc_device_codes (tenant_id, user_code);
CREATE INDEX oidc_device_codes_expiry ON oidc_device_codes (expires_at);
