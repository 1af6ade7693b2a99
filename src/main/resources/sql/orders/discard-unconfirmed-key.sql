-- The upstream refused the creation (or it was never sent): the Idempotency-Key bound to the order we
-- recorded first is freed, so the client may retry.
DELETE FROM idempotency_keys
WHERE order_id = :#${variable.unconfirmedOrderId}
