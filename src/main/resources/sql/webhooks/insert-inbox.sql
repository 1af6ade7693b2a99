-- Stored before the 2xx. 0 rows inserted = a duplicate (same event id, or the same dedupe key).
-- A Unigox delivery signed outside the timestamp tolerance (webhookStale) is stored as stale_received,
-- so that a reprocess or replay of it fetches the order too (webhook-inbox-reprocess).
INSERT INTO webhook_inbox (provider, event_id, dedupe_key, event_type, order_ref, headers_json, raw_body, verdict)
VALUES (:#${variable.webhookProvider}, :#${variable.eventId}, CAST(:#${variable.dedupeKey} AS VARCHAR(300)),
        CAST(:#${variable.eventType} AS VARCHAR(100)), CAST(:#${variable.orderRef} AS VARCHAR(100)),
        :#${variable.headersJson}, :#${variable.rawBody},
        CASE WHEN CAST(:#${variable.webhookStale} AS BOOLEAN) THEN 'stale_received' ELSE 'received' END)
ON CONFLICT DO NOTHING
