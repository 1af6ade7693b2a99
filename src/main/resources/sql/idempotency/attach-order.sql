-- In the transaction that records the order: the key and its order are stored together.
UPDATE idempotency_keys
SET order_id = :#${variable.orderId}, response_status = 201
WHERE client_id = :#${variable.apiClient} AND idempotency_key = :#${variable.idempotencyKey}
