-- Keyed by the upstream id: listing or creating the same details twice keeps one local row.
INSERT INTO payment_details (id, user_id, provider, provider_payment_details_id, payment_method, currency, details_json)
VALUES (:#id, :#user_id, 'unigox', :#provider_payment_details_id, CAST(:#payment_method AS VARCHAR(100)),
        CAST(:#currency AS VARCHAR(10)), CAST(:#details_json AS VARCHAR(20000)))
ON CONFLICT DO NOTHING
