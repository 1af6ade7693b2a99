SELECT id, provider, provider_order_id, client_order_id, user_id, crypto_amount, crypto_currency,
       fiat_amount, fiat_currency, provider_status, status, refund_required, redirect_url, version, created_at, updated_at,
       details_status, details_read_at, next_action, allowed_actions, action_required, fee_breakdown,
       authorization_deadline, reference_id, rate
FROM orders
WHERE id = :#${variable.orderId}
