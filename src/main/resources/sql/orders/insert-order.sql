INSERT INTO orders (id, provider, provider_order_id, client_order_id, user_id, crypto_amount, crypto_currency,
                    fiat_amount, fiat_currency, provider_status, status, version, redirect_url)
VALUES (:#${variable.orderId}, :#${variable.provider}, :#${variable.providerOrderId}, :#${variable.clientOrderId},
        :#${variable.userId}, CAST(:#${variable.cryptoAmount} AS DECIMAL(38, 18)), :#${variable.cryptoCurrency},
        CAST(:#${variable.fiatAmount} AS DECIMAL(38, 8)), :#${variable.fiatCurrency}, :#${variable.providerStatus},
        :#${variable.canonicalStatus}, 0, CAST(:#${variable.redirectUrl} AS VARCHAR(2000)))
