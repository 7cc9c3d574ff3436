-- Self-service password reset and the durable outbox its codes go out by.
CREATE TABLE outbox (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id         TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    channel    TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    attempts   BIGINT NOT NULL,
    next_at    BIGINT NOT NULL,
    sent_at    BIGINT NOT NULL,
    last_error TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_due ON outbox (channel, next_at) WHERE sent_at = 0;

CREATE TABLE reset_challenges (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    id         TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    gates      TEXT NOT NULL,
    tries      BIGINT NOT NULL,
    done       BOOLEAN NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
