-- The upstream now holds the order we recorded before asking it (answer, or found by our reference):
-- its id and amounts. Only an order still waiting for its upstream id; the status goes through the router.
UPDATE orders
SET provider_order_id = :#${variable.created[provider_order_id]},
    crypto_amount = COALESCE(CAST(:#${variable.created[crypto_amount]} AS DECIMAL(38, 18)), crypto_amount),
    crypto_currency = COALESCE(CAST(:#${variable.created[crypto_currency]} AS VARCHAR(20)), crypto_currency),
    fiat_amount = COALESCE(CAST(:#${variable.created[fiat_amount]} AS DECIMAL(38, 8)), fiat_amount),
    fiat_currency = COALESCE(CAST(:#${variable.created[fiat_currency]} AS VARCHAR(10)), fiat_currency),
    redirect_url = COALESCE(CAST(:#${variable.created[redirect_url]} AS VARCHAR(2000)), redirect_url),
    updated_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.orderId}
  AND provider_order_id IS NULL
