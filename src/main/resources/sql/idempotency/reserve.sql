-- Claims the key for this client before anything is sent upstream. 0 rows = the key is already taken.
INSERT INTO idempotency_keys (idempotency_key, client_id, request_hash)
VALUES (:#${variable.idempotencyKey}, :#${variable.apiClient}, :#${variable.requestHash})
ON CONFLICT DO NOTHING
