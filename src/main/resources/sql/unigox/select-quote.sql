SELECT quote_id, user_id, payment_details_id, crypto_currency, crypto_amount, fiat_currency, fiat_amount, rate, expires_at
FROM unigox_quotes
WHERE quote_id = :#${variable.quoteId}
