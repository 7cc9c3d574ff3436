-- The words of users' display names as rows, so that $search finds users
-- through an index instead of scanning a token column in every row. The
-- rows are written from Go (directory.SearchTokens); backfillNameTokens
-- fills them for the users that exist when this migration runs.
CREATE TABLE user_name_tokens (
    tenant_id TEXT NOT NULL REFERENCES tenants (tenant_id),
    token     TEXT {C} NOT NULL,
    user_id   TEXT NOT NULL,
    PRIMARY KEY (tenant_id, token, user_id)
);
CREATE INDEX user_name_tokens_user ON user_name_tokens (tenant_id, user_id);
ALTER TABLE users DROP COLUMN search_tokens;
