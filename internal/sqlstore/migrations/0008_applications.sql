-- App registrations: the clients that will get tokens from the OpenID
-- Connect provider, with their secrets (kept only as keyed hashes).
CREATE TABLE applications (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    id           TEXT NOT NULL,
    app_id       TEXT NOT NULL,
    display_name TEXT NOT NULL,
    spec         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX applications_app_id ON applications (tenant_id, app_id);

CREATE TABLE application_secrets (
    tenant_id      TEXT NOT NULL REFERENCES tenants (tenant_id),
    application_id TEXT NOT NULL,
    key_id         TEXT NOT NULL,
    display_name   TEXT NOT NULL,
    hint           TEXT NOT NULL,
    secret_hash    TEXT NOT NULL,
    start_at       BIGINT NOT NULL,
    end_at         BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, application_id, key_id)
);
