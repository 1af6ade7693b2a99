-- Open orders that nothing has moved for offramp.reconcile.stuck-after-minutes, and apart from them the
-- Unigox orders whose crypto sits in escrow until a refund is authorized and done (money in escrow).
SELECT COUNT(CASE WHEN NOT (provider = 'unigox' AND (refund_required = TRUE OR provider_status = 'refund_pending'))
                   AND updated_at < :#${variable.stuckBefore} THEN 1 END) AS stuck,
       COUNT(CASE WHEN provider = 'unigox' AND (refund_required = TRUE OR provider_status = 'refund_pending')
                  THEN 1 END) AS money_in_escrow
FROM orders
WHERE (provider = 'unigox' AND (provider_status NOT IN (:#in:closedUnigox) OR refund_required = TRUE))
   OR (provider = 'changelly' AND (provider_status NOT IN (:#in:closedChangelly) OR refund_required = TRUE))
