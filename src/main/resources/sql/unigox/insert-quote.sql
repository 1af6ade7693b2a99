INSERT INTO unigox_quotes (quote_id, user_id, payment_details_id, crypto_currency, crypto_amount, fiat_currency, fiat_amount, rate, expires_at)
VALUES (:#quote_id, :#user_id, :#payment_details_id, :#crypto_currency, CAST(:#crypto_amount AS DECIMAL(38, 18)),
        :#fiat_currency, CAST(:#fiat_amount AS DECIMAL(38, 8)), CAST(:#rate AS DECIMAL(38, 18)), CAST(:#expires_at AS VARCHAR(40)))
ON CONFLICT DO NOTHING
