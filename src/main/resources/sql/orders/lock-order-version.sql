-- Takes the order's row lock without changing it, but only if the order is still at the version the
-- decision was made on. Ignored entries are then written under the same lock as applied ones, so the
-- timeline of an order is in the order its changes committed.
UPDATE orders
SET version = version
WHERE id = :#${variable.orderId}
  AND version = :#${variable.order[version]}
