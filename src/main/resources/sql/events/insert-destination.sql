-- A configured destination not known yet (body: name, url, event_types): enabled.
INSERT INTO event_destinations (name, url, event_types, enabled)
SELECT :#name, :#url, CAST(:#event_types AS VARCHAR(500)), TRUE
WHERE NOT EXISTS (SELECT 1 FROM event_destinations WHERE name = :#name)
