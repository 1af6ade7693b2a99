-- GET /admin/orders/lookup?id=: the orders one id names, whichever id it is. Three lookups, each through its
-- own index (the primary key, uq_orders_provider_order led by provider_order_id, uq_orders_client_order),
-- rather than one OR the planner may answer with a scan. An upstream id can be both upstreams' (rare): both.
SELECT id, provider, provider_order_id, client_order_id, status, provider_status, updated_at, 'id' AS matched
FROM orders WHERE id = :#id
UNION ALL
SELECT id, provider, provider_order_id, client_order_id, status, provider_status, updated_at, 'provider_order_id' AS matched
FROM orders WHERE provider_order_id = :#id
UNION ALL
SELECT id, provider, provider_order_id, client_order_id, status, provider_status, updated_at, 'client_order_id' AS matched
FROM orders WHERE client_order_id = :#id
