-- Signing key rotation: a new key is published before it signs
-- (activates_at) and an old one stays published after it stops
-- (retires_at, 0 while in use). Expiry indexes keep the OIDC purge cheap.
ALTER TABLE signing_keys ADD COLUMN activates_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE signing_keys ADD COLUMN retires_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX oidc_auth_requests_expiry ON oidc_auth_requests (expires_at);
CREATE INDEX oidc_refresh_tokens_expiry ON oidc_refresh_tokens (expires_at);
