SELECT id, provider_order_id, provider_status
FROM orders
WHERE provider = :#${variable.reconcileProvider}
  AND provider_order_id IN (:#in:pageIds)
