-- Company branding of the sign-in page (Entra ID Free's set): background
-- colour, sign-in page text, user name hint, and a banner logo.
CREATE TABLE branding (
    tenant_id  TEXT NOT NULL REFERENCES tenants (tenant_id),
    spec       TEXT NOT NULL,
    logo       {BLOB} NOT NULL,
    logo_type  TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (tenant_id)
);
