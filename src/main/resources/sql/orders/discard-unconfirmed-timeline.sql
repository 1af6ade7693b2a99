DELETE FROM order_timeline
WHERE order_id = :#${variable.unconfirmedOrderId}
  AND EXISTS (SELECT 1 FROM orders o
              WHERE o.id = order_timeline.order_id AND o.provider_order_id IS NULL AND o.provider_status = 'creation_unconfirmed')
