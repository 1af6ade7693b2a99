SELECT id, provider, provider_order_id, client_order_id, user_id, crypto_amount, crypto_currency,
       fiat_amount, fiat_currency, provider_status, status, refund_required, redirect_url, version, created_at, updated_at
FROM orders
WHERE id = :#${variable.orderId}
