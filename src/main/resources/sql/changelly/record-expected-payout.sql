-- The payout a Changelly order expects, as Changelly's order states it (payoutAmount, "Estimated payout
-- amount"; the creation answer carries none), kept on every fetch of the order. Not a status.
UPDATE orders
SET fiat_amount = COALESCE(CAST(:#${variable.expectedPayout} AS DECIMAL(38, 8)), fiat_amount)
WHERE id = :#${variable.orderId}
  AND CAST(:#${variable.expectedPayout} AS DECIMAL(38, 8)) IS NOT NULL
