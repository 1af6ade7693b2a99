-- Orders as Unigox states them (issue 18): what the last fetch of the order from Unigox said, so the
-- order view carries Unigox's own next action and amounts, not only what we derive, and reconciliation
-- knows which cancelled orders may still hold the user's crypto in escrow. Written by
-- sql/unigox/record-order-details.sql on every fetch (sync after an action, reconciliation); never a
-- status: the status goes through the status router. One script for H2 (MODE=PostgreSQL) and PostgreSQL.

-- Unigox's status when these details were read: the view uses next_action and allowed_actions only
-- while our provider_status still equals it (a later webhook may have moved the order on).
ALTER TABLE orders ADD COLUMN details_status VARCHAR(60);
-- Unigox's updated_at of the order the details came from: an older read never overwrites a newer one.
ALTER TABLE orders ADD COLUMN details_updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE orders ADD COLUMN details_read_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE orders ADD COLUMN next_action VARCHAR(60);
-- JSON, as Unigox sent them (bounded by dev.offramp.unigox.UnigoxOrderDetails)
ALTER TABLE orders ADD COLUMN allowed_actions VARCHAR(1000);
ALTER TABLE orders ADD COLUMN action_required VARCHAR(4000);
ALTER TABLE orders ADD COLUMN fee_breakdown VARCHAR(2000);
-- when the crypto transfer authorization window closes (read time + crypto_transfer_authorization_seconds_left)
ALTER TABLE orders ADD COLUMN authorization_deadline TIMESTAMP WITH TIME ZONE;
ALTER TABLE orders ADD COLUMN reference_id VARCHAR(100);
ALTER TABLE orders ADD COLUMN rate DECIMAL(38, 18);
-- when the order was first seen owing a refund (money in escrow): its age in the stuck report
ALTER TABLE orders ADD COLUMN refund_required_since TIMESTAMP WITH TIME ZONE;
UPDATE orders SET refund_required_since = updated_at WHERE refund_required = TRUE;

-- GET /api/v1/orders?action_required=true, user_id=, updated_since=
CREATE INDEX ix_orders_user ON orders (user_id, created_at);
CREATE INDEX ix_orders_updated ON orders (updated_at);

-- the run summary counts orders holding crypto in escrow apart from stuck ones
ALTER TABLE reconciliation_runs ADD COLUMN money_in_escrow INTEGER DEFAULT 0 NOT NULL;
