INSERT INTO dead_letters (kind, provider, inbox_id, order_id, reason)
VALUES ('webhook', :#${variable.webhookProvider}, :#${variable.inboxId},
        (SELECT id FROM orders WHERE provider = :#${variable.webhookProvider} AND provider_order_id = :#${variable.orderRef}),
        CAST(:#${variable.deadLetterReason} AS VARCHAR(500)))
