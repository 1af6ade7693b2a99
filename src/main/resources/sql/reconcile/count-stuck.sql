-- Open orders that nothing has moved for offramp.reconcile.stuck-after-minutes.
SELECT COUNT(*) AS stuck
FROM orders
WHERE updated_at < :#${variable.stuckBefore}
  AND ((provider = 'unigox' AND (provider_status NOT IN (:#in:closedUnigox) OR refund_required = TRUE))
    OR (provider = 'changelly' AND (provider_status NOT IN (:#in:closedChangelly) OR refund_required = TRUE)))
