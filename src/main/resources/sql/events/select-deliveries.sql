-- GET /admin/events/deliveries: newest first, filtered by status, destination and subject (an order's or
-- a user's id), without bodies.
SELECT e.id, e.type, e.subject, e.created_at, d.destination, d.status, d.attempts, d.next_attempt_at,
       d.last_status, d.last_error, d.delivered_at
FROM event_deliveries d
JOIN events e ON e.seq = d.event_seq
WHERE (CAST(:#status AS VARCHAR(12)) IS NULL OR d.status = :#status)
  AND (CAST(:#destination AS VARCHAR(60)) IS NULL OR d.destination = :#destination)
  AND (CAST(:#subject AS VARCHAR(36)) IS NULL OR d.subject = :#subject)
ORDER BY d.event_seq DESC
LIMIT :#limit
