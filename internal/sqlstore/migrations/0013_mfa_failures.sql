-- Wrong second-factor codes per user, apart from the password lockout (a
-- right password must not reset them): too many lock the second factor.
CREATE TABLE mfa_failures (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id      TEXT NOT NULL,
    failures     BIGINT NOT NULL,
    locked_until BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
