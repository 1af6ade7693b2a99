-- Recorded only if the order is still at the version the decision was made on; otherwise 0 rows and
-- the router decides again against the newer status.
INSERT INTO order_timeline (order_id, from_status, to_status, source, source_ref, outcome, reason)
SELECT id, provider_status, :#${variable.decision.recordedTo()}, CAST(:#${variable.statusSource} AS VARCHAR(20)),
       CAST(:#${variable.statusSourceRef} AS VARCHAR(100)), 'ignored', CAST(:#${variable.decision.reason()} AS VARCHAR(300))
FROM orders
WHERE id = :#${variable.orderId}
  AND version = :#${variable.order[version]}
