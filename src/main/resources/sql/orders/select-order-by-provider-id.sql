-- The local order of an upstream order id (webhooks know the upstream's id, not ours).
SELECT id, provider, provider_order_id, provider_status, version
FROM orders
WHERE provider = :#${variable.webhookProvider}
  AND provider_order_id = :#${variable.providerOrderId}
