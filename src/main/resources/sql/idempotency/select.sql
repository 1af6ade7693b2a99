SELECT idempotency_key, client_id, request_hash, order_id, response_status
FROM idempotency_keys
WHERE client_id = :#${variable.apiClient} AND idempotency_key = :#${variable.idempotencyKey}
