-- Runs in the transaction of lock-order-version.sql, under the order's row lock.
INSERT INTO order_timeline (order_id, from_status, to_status, source, source_ref, outcome, reason)
SELECT id, provider_status, :#${variable.decisionTo}, CAST(:#${variable.statusSource} AS VARCHAR(20)),
       CAST(:#${variable.statusSourceRef} AS VARCHAR(100)), 'ignored', :#${variable.decisionReason}
FROM orders
WHERE id = :#${variable.orderId}
