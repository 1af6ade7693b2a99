INSERT INTO dead_letters (kind, provider, order_id, request_method, request_path, request_body, reason)
VALUES ('upstream_call', 'unigox', :#${variable.orderId}, :#${variable.unigoxMethod}, :#${variable.unigoxPath},
        :#${variable.deadLetterRequestBody}, CAST(:#${variable.deadLetterReason} AS VARCHAR(500)))
