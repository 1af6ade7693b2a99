-- The payout each order of a Changelly list page expects (payoutAmount, "Estimated payout amount"), as its
-- own fetch keeps it (record-expected-payout.sql); one JDBC batch per page (body: a list of
-- {provider_order_id, expected_payout}, only orders whose payoutAmount reads as a payout). Not a status.
UPDATE orders
SET fiat_amount = CAST(:#expected_payout AS DECIMAL(38, 8))
WHERE provider = 'changelly'
  AND provider_order_id = :#provider_order_id
