-- OpenID Connect: authorization requests between authorize and the code
-- exchange, and refresh tokens (kept as SHA-256; a family shares one
-- family_id so that reuse of a rotated token revokes all of them).
CREATE TABLE oidc_auth_requests (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id         TEXT NOT NULL,
    spec       TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    code_hash  TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX oidc_auth_requests_code ON oidc_auth_requests (tenant_id, code_hash);

CREATE TABLE oidc_refresh_tokens (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id         TEXT NOT NULL,
    family_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    client_id  TEXT NOT NULL,
    spec       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX oidc_refresh_tokens_family ON oidc_refresh_tokens (tenant_id, family_id);
CREATE INDEX oidc_refresh_tokens_user ON oidc_refresh_tokens (tenant_id, user_id);
