SELECT id, provider, provider_order_id, provider_status, version
FROM orders
WHERE provider = 'unigox'
  AND provider_order_id = :#${variable.providerOrderId}
