-- The stuck report (GET /admin/reconciliation/stuck): money in escrow (Unigox orders whose crypto waits
-- for a refund to be authorized or done), oldest first, then open orders nothing has moved for
-- offramp.reconcile.stuck-after-minutes, oldest first; each part at most :#limit rows.
SELECT id, provider, provider_order_id, user_id, status, provider_status, crypto_amount, crypto_currency,
       next_action, COALESCE(refund_required_since, updated_at) AS since, 'money_in_escrow' AS report
FROM (SELECT * FROM orders
      WHERE provider = 'unigox' AND (refund_required = TRUE OR provider_status = 'refund_pending')
      ORDER BY COALESCE(refund_required_since, updated_at), id
      LIMIT :#limit) escrow
UNION ALL
SELECT id, provider, provider_order_id, user_id, status, provider_status, crypto_amount, crypto_currency,
       next_action, updated_at AS since, 'stuck' AS report
FROM (SELECT * FROM orders
      WHERE updated_at < :#stuckBefore
        AND NOT (provider = 'unigox' AND (refund_required = TRUE OR provider_status = 'refund_pending'))
        AND ((provider = 'unigox' AND provider_status NOT IN (:#in:closedUnigox))
          OR (provider = 'changelly' AND (provider_status NOT IN (:#in:closedChangelly) OR refund_required = TRUE)))
      ORDER BY updated_at, id
      LIMIT :#limit) stuck
