-- Service plan provisioning per user (the durable job's queue and the
-- state shown on the user), and the apps users activated on devices.
CREATE TABLE plan_provisioning (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id    TEXT NOT NULL,
    plan_id    TEXT NOT NULL,
    wanted     BOOLEAN NOT NULL, -- provision the plan, or deprovision it
    status     TEXT NOT NULL,    -- pending, success, error, disabled
    attempts   INTEGER NOT NULL,
    next_at    BIGINT NOT NULL,  -- when the job should run; 0 when nothing is due
    last_error TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, plan_id)
);
-- The job reads due tasks of every tenant in order.
CREATE INDEX plan_provisioning_due ON plan_provisioning (next_at) WHERE next_at > 0;

CREATE TABLE app_installs (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    id           TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    kind         TEXT NOT NULL,
    device_name  TEXT NOT NULL,
    activated_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX app_installs_user ON app_installs (tenant_id, user_id, kind, activated_at);
