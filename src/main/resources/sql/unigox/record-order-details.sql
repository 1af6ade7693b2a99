-- What one fetch of a Unigox order says beside its status (body: dev.offramp.unigox.UnigoxOrderDetails;
-- a list of them, one per order of a list page, as one batch):
-- Unigox's next action, allowed actions, action_required, authorization window, reference, amounts, rate
-- and fees, and whether a refund is owed (refund_required follows allowed_actions: set while Unigox offers
-- authorize-refund, cleared when it no longer does). Never the status: that goes through the status router.
-- An older read (Unigox's updated_at before the one kept) changes nothing. updated_at moves only when the
-- refund flag does, so a fetch does not hide an order from the stuck report.
-- Read by a reconciliation run's page (reconciled_run, null on other fetches), the order is marked read by
-- it: the run then fetches alone only the open orders no page read. One write per order a page (the mark
-- was a second UPDATE of the same rows: docs/benchmark-sessions.md, session 17). An older read writes
-- nothing, not even the mark, so such an order is fetched alone: the page's status of it is older too.
UPDATE orders
SET reconciled_run = COALESCE(CAST(:#reconciled_run AS BIGINT), reconciled_run),
    details_status = CAST(:#details_status AS VARCHAR(60)),
    details_updated_at = CAST(:#details_updated_at AS TIMESTAMP WITH TIME ZONE),
    details_read_at = CAST(:#details_read_at AS TIMESTAMP WITH TIME ZONE),
    next_action = CAST(:#next_action AS VARCHAR(60)),
    allowed_actions = CAST(:#allowed_actions AS VARCHAR(1000)),
    action_required = CAST(:#action_required AS VARCHAR(4000)),
    fee_breakdown = COALESCE(CAST(:#fee_breakdown AS VARCHAR(2000)), fee_breakdown),
    authorization_deadline = CAST(:#authorization_deadline AS TIMESTAMP WITH TIME ZONE),
    reference_id = COALESCE(CAST(:#reference_id AS VARCHAR(100)), reference_id),
    crypto_amount = COALESCE(CAST(:#crypto_amount AS DECIMAL(38, 18)), crypto_amount),
    fiat_amount = COALESCE(CAST(:#fiat_amount AS DECIMAL(38, 8)), fiat_amount),
    rate = COALESCE(CAST(:#rate AS DECIMAL(38, 18)), rate),
    updated_at = CASE WHEN refund_required <> :#refund_offered THEN CURRENT_TIMESTAMP ELSE updated_at END,
    refund_required_since = CASE WHEN :#refund_offered OR provider_status = 'refund_pending'
                                 THEN COALESCE(refund_required_since, CURRENT_TIMESTAMP) END,
    refund_required = :#refund_offered
WHERE provider = 'unigox'
  AND provider_order_id = :#provider_order_id
  AND (details_updated_at IS NULL
       OR CAST(:#details_updated_at AS TIMESTAMP WITH TIME ZONE) IS NULL
       OR details_updated_at <= CAST(:#details_updated_at AS TIMESTAMP WITH TIME ZONE))
