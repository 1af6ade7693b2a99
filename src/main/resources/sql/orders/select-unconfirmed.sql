-- Orders whose creation the upstream has not confirmed yet, oldest first, with whether they are past
-- the time they are given (offramp.orders.unconfirmed-minutes).
SELECT id, provider, created_at,
       CASE WHEN created_at < :#${variable.unconfirmedCutoff} THEN TRUE ELSE FALSE END AS given_up
FROM orders
WHERE provider_status = 'creation_unconfirmed'
  -- a switched-off upstream is never asked (its orders wait until it is switched on again)
  AND provider IN (:#in:enabledUpstreams)
  AND provider_order_id IS NULL
ORDER BY created_at, id
LIMIT 500
