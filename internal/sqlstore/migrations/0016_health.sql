-- Service health issues and message center posts. The operator publishes
-- them for every tenant, so they are deployment-wide, not tenant data;
-- deployment_sequences numbers them. Each user's read, archive and
-- favourite state of a post is tenant data (message_views).
CREATE TABLE deployment_sequences (
    name TEXT PRIMARY KEY,
    last BIGINT NOT NULL
);

CREATE TABLE health_issues (
    id                 TEXT PRIMARY KEY,
    service            TEXT NOT NULL,
    title              TEXT NOT NULL,
    impact_description TEXT NOT NULL,
    classification     TEXT NOT NULL,
    status             TEXT NOT NULL,
    feature            TEXT NOT NULL,
    is_resolved        BOOLEAN NOT NULL,
    start_at           BIGINT NOT NULL,
    end_at             BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    posts              TEXT NOT NULL
);
CREATE INDEX health_issues_updated ON health_issues (updated_at);

CREATE TABLE service_messages (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    category        TEXT NOT NULL,
    severity        TEXT NOT NULL,
    services        TEXT NOT NULL,
    tags            TEXT NOT NULL,
    is_major_change BOOLEAN NOT NULL,
    start_at        BIGINT NOT NULL,
    end_at          BIGINT NOT NULL,
    act_by          BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    body            TEXT NOT NULL
);
CREATE INDEX service_messages_start ON service_messages (start_at);

CREATE TABLE message_views (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id      TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    is_read      BOOLEAN NOT NULL,
    is_archived  BOOLEAN NOT NULL,
    is_favorited BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, user_id, message_id)
);
