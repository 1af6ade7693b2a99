-- The request failed before an order was recorded: the key is free for a retry.
DELETE FROM idempotency_keys
WHERE client_id = :#${variable.apiClient} AND idempotency_key = :#${variable.idempotencyKey} AND order_id IS NULL
