-- Subscriptions to catalog products, the per-SKU seat counter that
-- assignments update in their own transaction (so consumedUnits never
-- needs a scan of users, and concurrent assignments conflict on one row),
-- the users' licenses, and orders with their invoices.
CREATE TABLE subscriptions (
    tenant_id         TEXT NOT NULL REFERENCES tenants (tenant_id),
    id                TEXT NOT NULL,
    sku_id            TEXT NOT NULL,
    quantity          INTEGER NOT NULL,
    status            TEXT NOT NULL,
    channel           TEXT NOT NULL,
    partner_tenant_id TEXT NOT NULL,
    partner_name      TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE sku_seats (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    sku_id     TEXT NOT NULL,
    enabled    INTEGER NOT NULL,
    warning    INTEGER NOT NULL,
    suspended  INTEGER NOT NULL,
    locked_out INTEGER NOT NULL,
    consumed   INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, sku_id)
);

CREATE TABLE user_licenses (
    tenant_id      TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id        TEXT NOT NULL,
    sku_id         TEXT NOT NULL,
    disabled_plans TEXT NOT NULL,
    assigned_at    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, sku_id)
);
-- Ranks a SKU's holders by assignment time, for over-assignment.
CREATE INDEX user_licenses_sku ON user_licenses (tenant_id, sku_id, assigned_at, user_id);

CREATE TABLE billing_orders (
    tenant_id       TEXT NOT NULL REFERENCES tenants (tenant_id),
    id              TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    sku_id          TEXT NOT NULL,
    quantity        INTEGER NOT NULL,
    subscription_id TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX billing_orders_key ON billing_orders (tenant_id, idempotency_key) WHERE idempotency_key <> '';

CREATE TABLE invoices (
    tenant_id   TEXT NOT NULL REFERENCES tenants (tenant_id),
    id          TEXT NOT NULL,
    order_id    TEXT NOT NULL,
    status      TEXT NOT NULL,
    currency    TEXT NOT NULL,
    total_cents BIGINT NOT NULL,
    lines       TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
