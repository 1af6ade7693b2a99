SELECT id, processed_at FROM webhook_inbox WHERE provider = :#${variable.webhookProvider} AND event_id = :#${variable.eventId}
