-- Every webhook looks up its inbox row with provider = ? AND event_id = ? (sql/webhooks/select-inbox-id.sql).
-- Three indexes were led by provider, which has one value per upstream. PostgreSQL plans a prepared
-- statement once per pooled connection; planned while the table was still empty, it chose
-- ix_webhook_inbox_order on provider alone, so every webhook scanned every earlier one. In the bench,
-- auto_explain showed 3,829 rows removed by the filter for one row found, and 1.5 ms per lookup.
-- Each index is now led by its selective column. provider = ? AND event_id = ? can then only use
-- uq_webhook_inbox_event, on either database. Uniqueness is unchanged.
ALTER TABLE webhook_inbox DROP CONSTRAINT uq_webhook_inbox_event;
ALTER TABLE webhook_inbox ADD CONSTRAINT uq_webhook_inbox_event UNIQUE (event_id, provider);
ALTER TABLE webhook_inbox DROP CONSTRAINT uq_webhook_inbox_dedupe;
ALTER TABLE webhook_inbox ADD CONSTRAINT uq_webhook_inbox_dedupe UNIQUE (dedupe_key, provider);
DROP INDEX ix_webhook_inbox_order;
CREATE INDEX ix_webhook_inbox_order ON webhook_inbox (order_ref, provider);
