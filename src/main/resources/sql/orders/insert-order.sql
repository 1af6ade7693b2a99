-- A new order (variable placement, see OrderCreations.placement). Placed by the bundle it has no upstream
-- id, client order id or redirect URL yet: order-confirm-creation fills them in from the upstream's answer.
INSERT INTO orders (id, provider, provider_order_id, client_order_id, user_id, crypto_amount, crypto_currency,
                    fiat_amount, fiat_currency, provider_status, status, version, redirect_url)
VALUES (:#${variable.orderId}, :#${variable.provider}, :#${variable.placement[provider_order_id]},
        :#${variable.placement[client_order_id]}, :#${variable.placement[user_id]},
        CAST(:#${variable.placement[crypto_amount]} AS DECIMAL(38, 18)), :#${variable.placement[crypto_currency]},
        CAST(:#${variable.placement[fiat_amount]} AS DECIMAL(38, 8)), :#${variable.placement[fiat_currency]},
        :#${variable.providerStatus}, :#${variable.canonicalStatus}, 0,
        CAST(:#${variable.placement[redirect_url]} AS VARCHAR(2000)))
