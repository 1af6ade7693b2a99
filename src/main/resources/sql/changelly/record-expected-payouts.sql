-- The payout a Changelly order expects, as Changelly's order states it (payoutAmount, "Estimated payout
-- amount"; the creation answer carries none), kept on every read of the order: its own fetch
-- (changelly-order-sync, one row, ChangellyViews.expectedPayoutRow: only a payoutAmount that reads as a
-- payout) and reconciliation's list pages (one JDBC batch a page, a row for every order listed,
-- ChangellyReconcileListing.details: expected_payout null where none reads, the amount kept). Body: a list
-- of {provider_order_id, expected_payout, reconciled_run}. Not a status.
-- Read by a reconciliation run's page (reconciled_run, null on the order's own fetch), the order is marked
-- read by it: the run then asks by id only for the open orders no page read.
UPDATE orders
SET fiat_amount = COALESCE(CAST(:#expected_payout AS DECIMAL(38, 8)), fiat_amount),
    reconciled_run = COALESCE(CAST(:#reconciled_run AS BIGINT), reconciled_run)
WHERE provider = 'changelly'
  AND provider_order_id = :#provider_order_id
