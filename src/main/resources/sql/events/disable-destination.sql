-- 410 Gone: the receiver wants no more; the destination stops until an admin enables it again. Its
-- pending deliveries stay pending and go out then.
UPDATE event_destinations
SET enabled = FALSE, disabled_reason = CAST(:#${variable.attempt[last_error]} AS VARCHAR(200)), updated_at = CURRENT_TIMESTAMP
WHERE name = :#${variable.delivery[destination]}
