-- The orders of an upstream list page were seen by this run: no single fetch needed for them.
UPDATE orders
SET reconciled_run = :#${variable.runId}
WHERE provider = :#${variable.reconcileProvider}
  AND provider_order_id IN (:#in:coveredIds)
