-- POST /admin/events/destinations/{name}/enable | disable: an admin's word (a disabled destination's
-- deliveries wait; enabled, they go out in order).
UPDATE event_destinations
SET enabled = CAST(:#${variable.enabled} AS BOOLEAN),
    disabled_reason = CASE WHEN CAST(:#${variable.enabled} AS BOOLEAN) THEN NULL ELSE 'disabled by an admin' END,
    updated_at = CURRENT_TIMESTAMP
WHERE name = :#${variable.destinationName}
