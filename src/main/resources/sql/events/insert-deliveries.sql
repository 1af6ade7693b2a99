-- A delivery of an event just written (one map of the batch) to every configured destination that takes
-- its type (event_types is a comma-separated list, or NULL for every type); none when no destination is
-- configured. A destination a 410 disabled gets its deliveries too: they wait, in order, until an admin
-- enables it again, so nothing is lost while it is off (the feed has them meanwhile).
-- POSITION, not LIKE: H2 parses a statement holding LIKE again on every execution (Parser sets
-- recompileAlways for it), which was a tenth of webhook ingest's CPU with events on (profiled).
INSERT INTO event_deliveries (event_seq, destination, subject, status, attempts, next_attempt_at)
SELECT e.seq, d.name, e.subject, 'pending', 0, CURRENT_TIMESTAMP
FROM events e
JOIN event_destinations d ON (d.enabled = TRUE OR d.disabled_reason IS NULL OR d.disabled_reason <> 'not configured')
WHERE e.id = :#id
  AND (d.event_types IS NULL OR POSITION(',' || e.type || ',' IN ',' || d.event_types || ',') > 0)
