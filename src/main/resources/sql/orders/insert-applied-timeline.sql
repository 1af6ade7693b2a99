-- Runs in the transaction of update-status.sql, so it reads the version that update produced.
INSERT INTO order_timeline (order_id, from_status, to_status, source, source_ref, outcome, order_version)
SELECT id, CAST(:#${variable.decisionFrom} AS VARCHAR(60)), provider_status, CAST(:#${variable.statusSource} AS VARCHAR(20)),
       CAST(:#${variable.statusSourceRef} AS VARCHAR(100)), 'applied', version
FROM orders
WHERE id = :#${variable.orderId}
