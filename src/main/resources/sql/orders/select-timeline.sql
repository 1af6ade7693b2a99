SELECT from_status, to_status, source, source_ref, outcome, reason, order_version, at
FROM order_timeline
WHERE order_id = :#${variable.orderId}
ORDER BY id
