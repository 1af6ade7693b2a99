SELECT id, provider, provider_order_id, client_order_id, user_id, crypto_amount, crypto_currency,
       fiat_amount, fiat_currency, provider_status, status, refund_required, redirect_url, version, created_at, updated_at
FROM orders
WHERE (CAST(:#status AS VARCHAR(30)) IS NULL OR status = :#status)
  AND (CAST(:#provider AS VARCHAR(20)) IS NULL OR provider = :#provider)
ORDER BY created_at DESC, id DESC
LIMIT :#limit OFFSET :#offset
