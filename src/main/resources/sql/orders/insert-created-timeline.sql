INSERT INTO order_timeline (order_id, from_status, to_status, source, source_ref, outcome, order_version)
VALUES (:#${variable.orderId}, NULL, :#${variable.providerStatus}, :#${variable.statusSource},
        CAST(:#${variable.statusSourceRef} AS VARCHAR(100)), 'applied', 0)
