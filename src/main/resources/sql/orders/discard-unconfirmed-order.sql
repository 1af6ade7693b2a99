-- Only an order the upstream never confirmed: once it holds an upstream id it is never deleted.
DELETE FROM orders
WHERE id = :#${variable.unconfirmedOrderId}
  AND provider_order_id IS NULL
  AND provider_status = 'creation_unconfirmed'
