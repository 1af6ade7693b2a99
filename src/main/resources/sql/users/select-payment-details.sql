SELECT id, user_id, provider, provider_payment_details_id, payment_method, currency, details_json, created_at
FROM payment_details
WHERE user_id = :#${variable.userId}
  AND deleted_at IS NULL
ORDER BY created_at, id
