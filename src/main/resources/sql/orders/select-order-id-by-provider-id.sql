-- Our id for an upstream order id (webhooks know the upstream's id, not ours); no row: null.
SELECT id
FROM orders
WHERE provider = :#${variable.webhookProvider}
  AND provider_order_id = :#${variable.orderRef}
