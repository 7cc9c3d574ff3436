-- Tenant settings (password policy, lockout) as one JSON document beside
-- the organization profile.
ALTER TABLE tenants ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
