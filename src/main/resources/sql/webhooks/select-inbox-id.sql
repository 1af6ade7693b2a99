-- The inbox id of this delivery if it still waits for processing; null if it was processed already,
-- or was never stored (its dedupe key belongs to another delivery).
SELECT id FROM webhook_inbox
WHERE provider = :#${variable.webhookProvider} AND event_id = :#${variable.eventId} AND processed_at IS NULL
