-- A configured destination (body: name, url, event_types), kept as configured; a new one starts enabled.
-- Two statements so one script serves H2 and PostgreSQL (no MERGE/ON CONFLICT needed).
UPDATE event_destinations SET url = :#url, event_types = CAST(:#event_types AS VARCHAR(500)), updated_at = CURRENT_TIMESTAMP
WHERE name = :#name
