-- Bulk user imports: the import with its options, counters and the lease
-- of the replica running it, and its rows (cells sealed: a file may carry
-- initial passwords) with each row's verdict and outcome.
CREATE TABLE imports (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    id           TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    file_name    TEXT NOT NULL,
    format       TEXT NOT NULL,
    status       TEXT NOT NULL,
    options      TEXT NOT NULL,
    total        INTEGER NOT NULL,
    invalid      INTEGER NOT NULL,
    done         INTEGER NOT NULL,
    created      INTEGER NOT NULL,
    failed       INTEGER NOT NULL,
    started_at   BIGINT NOT NULL,
    finished_at  BIGINT NOT NULL,
    error        TEXT NOT NULL,
    lease_owner  TEXT NOT NULL,
    lease_until  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- The job finds imports with work to do in every tenant.
CREATE INDEX imports_due ON imports (lease_until) WHERE status IN ('validating', 'running');
CREATE INDEX imports_created ON imports (tenant_id, created_at);

CREATE TABLE import_rows (
    tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    import_id TEXT NOT NULL,
    line      INTEGER NOT NULL,
    upn_fold  TEXT {C} NOT NULL,
    cells     TEXT NOT NULL,
    status    TEXT NOT NULL,
    problems  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    secret    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, import_id, line)
);
CREATE INDEX import_rows_upn ON import_rows (tenant_id, import_id, upn_fold);
-- Pending rows for the job, invalid ones for the problem list.
CREATE INDEX import_rows_status ON import_rows (tenant_id, import_id, status, line);
