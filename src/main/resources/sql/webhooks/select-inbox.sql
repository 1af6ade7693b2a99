SELECT id, provider, event_id, event_type, dedupe_key, order_ref, raw_body, verdict, processed_at
FROM webhook_inbox WHERE id = :#${variable.inboxId}
