-- Runs in the transaction of update-status.sql, so it reads the version that update produced.
-- The reason is usually empty: a change the bundle itself decides (an unconfirmed creation given up) says why.
INSERT INTO order_timeline (order_id, from_status, to_status, source, source_ref, outcome, reason, order_version)
SELECT id, CAST(:#${variable.decisionFrom} AS VARCHAR(60)), provider_status, CAST(:#${variable.statusSource} AS VARCHAR(20)),
       CAST(:#${variable.statusSourceRef} AS VARCHAR(100)), 'applied', CAST(:#${variable.statusReason} AS VARCHAR(300)), version
FROM orders
WHERE id = :#${variable.orderId}
