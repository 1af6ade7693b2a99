-- The payout a Changelly order expects, as Changelly's order states it (payoutAmount, "Estimated payout
-- amount"; the creation answer carries none), kept on every read of the order: its own fetch
-- (changelly-order-sync, one row) and reconciliation's list pages (one JDBC batch a page). Body: a list of
-- {provider_order_id, expected_payout} (ChangellyViews.expectedPayoutRow: only a payoutAmount that reads as
-- a payout). Not a status.
UPDATE orders
SET fiat_amount = CAST(:#expected_payout AS DECIMAL(38, 8))
WHERE provider = 'changelly'
  AND provider_order_id = :#provider_order_id
