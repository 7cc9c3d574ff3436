-- Users' profile photos, each at the stored sizes (648 and 96 pixels).
CREATE TABLE user_photos (
    tenant_id    TEXT NOT NULL REFERENCES tenants (tenant_id),
    user_id      TEXT NOT NULL,
    size         BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    data         {BLOB} NOT NULL,
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, size)
);
