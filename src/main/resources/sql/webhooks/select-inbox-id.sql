SELECT id FROM webhook_inbox WHERE provider = :#${variable.webhookProvider} AND event_id = :#${variable.eventId}
