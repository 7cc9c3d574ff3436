-- One-time links that let a new user set their own first password: only
-- the SHA-256 of the link's secret is kept.
CREATE TABLE password_links (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    token_hash TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, token_hash)
);
CREATE INDEX password_links_user ON password_links (tenant_id, user_id);
