-- Destinations no longer configured stop (body: the configured names, with '' so the list is never empty).
UPDATE event_destinations
SET enabled = FALSE, disabled_reason = 'not configured', updated_at = CURRENT_TIMESTAMP
WHERE enabled = TRUE AND name NOT IN (:#in:names)
