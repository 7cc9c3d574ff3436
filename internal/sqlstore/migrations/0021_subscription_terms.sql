-- Subscription terms (licensing spec §4.2): whether a subscription renews,
-- when its term (or its Warning or Suspended period) ends, and when its
-- status last changed. Existing subscriptions renew, with a first term of
-- 30 days from their purchase.
ALTER TABLE subscriptions ADD COLUMN auto_renew BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE subscriptions ADD COLUMN ends_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN status_changed_at BIGINT NOT NULL DEFAULT 0;
UPDATE subscriptions SET ends_at = created_at + 2592000000000, status_changed_at = created_at;
-- The lifecycle job's query (sqlstore.dueSubscriptionsSQL): only the
-- subscriptions it can still move are indexed, by the end of their term.
CREATE INDEX subscriptions_due ON subscriptions (ends_at) WHERE status IN ('Enabled', 'Warning', 'Suspended');
