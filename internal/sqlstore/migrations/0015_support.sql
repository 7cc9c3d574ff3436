-- Service requests a tenant's admins open with the operator's support,
-- with their message threads. Request ids (SR-YYYYMMDD-nnnn) number the
-- tenant's requests of a day; tenant_sequences holds such counters.
CREATE TABLE tenant_sequences (
    tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    name      TEXT NOT NULL,
    last      BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE support_requests (
    tenant_id      TEXT NOT NULL REFERENCES tenants (tenant_id),
    id             TEXT NOT NULL,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL,
    service        TEXT NOT NULL,
    severity       TEXT NOT NULL,
    contact_name   TEXT NOT NULL,
    contact_phone  TEXT NOT NULL,
    contact_email  TEXT NOT NULL,
    contact_method TEXT NOT NULL,
    status         TEXT NOT NULL,
    created_by_id  TEXT NOT NULL,
    created_by_upn TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX support_requests_created ON support_requests (tenant_id, created_at);
CREATE INDEX support_requests_queue ON support_requests (updated_at);

CREATE TABLE support_messages (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    request_id   TEXT NOT NULL,
    n            BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    author_id    TEXT NOT NULL,
    author_name  TEXT NOT NULL,
    from_support BOOLEAN NOT NULL,
    body         TEXT NOT NULL,
    PRIMARY KEY (tenant_id, request_id, n)
);
