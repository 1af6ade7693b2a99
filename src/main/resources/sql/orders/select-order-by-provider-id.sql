-- The local order of an upstream order id (webhooks know the upstream's id, not ours): the whole row, as
-- select-order.sql reads it, because the status router hands it on and the events of an applied change
-- are built from it (no second read on the webhook path).
SELECT id, provider, provider_order_id, client_order_id, user_id, crypto_amount, crypto_currency,
       fiat_amount, fiat_currency, provider_status, status, refund_required, redirect_url, version, created_at, updated_at,
       details_status, details_read_at, next_action, allowed_actions, action_required, fee_breakdown,
       authorization_deadline, reference_id, rate
FROM orders
WHERE provider = :#${variable.webhookProvider}
  AND provider_order_id = :#${variable.providerOrderId}
