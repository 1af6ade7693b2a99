-- Open local orders of one upstream that no list page of this run read, 100 at a time (keyset): a page's
-- record statement (reconcile-upstream-page's recordDetails) marks the orders it writes with the run.
SELECT id, provider_order_id, provider_status
FROM orders
WHERE provider = :#${variable.reconcileProvider}
  -- an order whose creation is unconfirmed has no upstream id yet: reconcile-unconfirmed looks for it
  AND provider_order_id IS NOT NULL
  -- open, or holding crypto in escrow (refund owed), or cancelled and not read from the upstream since:
  -- a cancelled Unigox order may still owe a refund, and only a fetch tells (its allowed_actions)
  AND (provider_status NOT IN (:#in:closedStatuses) OR refund_required = TRUE
       OR (provider_status = 'cancelled' AND (details_status IS NULL OR details_status <> 'cancelled')))
  AND (reconciled_run IS NULL OR reconciled_run <> :#${variable.runId})
  AND created_at > :#${variable.windowStart}
  AND id > :#${variable.afterId}
ORDER BY id
LIMIT 100
