-- Deliveries due now, oldest first, at most :#limit (offramp.events.batch-size): pending, not held by an
-- instance, to an enabled destination, and the first still pending of their subject to that destination
-- (a failing delivery holds back only its own order's later events). So a batch holds at most one
-- delivery per subject and destination, and its deliveries can be sent side by side.
SELECT d.event_seq, d.destination, d.subject, d.attempts, e.id, e.type, e.body, e.created_at
FROM event_deliveries d
JOIN events e ON e.seq = d.event_seq
JOIN event_destinations dest ON dest.name = d.destination
WHERE d.status = 'pending'
  AND d.next_attempt_at <= CURRENT_TIMESTAMP
  AND (d.claimed_until IS NULL OR d.claimed_until < CURRENT_TIMESTAMP)
  AND dest.enabled = TRUE
  AND NOT EXISTS (SELECT 1 FROM event_deliveries p
                  WHERE p.destination = d.destination AND p.subject = d.subject
                    AND p.status = 'pending' AND p.event_seq < d.event_seq)
ORDER BY d.event_seq
LIMIT CAST(:#${variable.batchSize} AS INTEGER)
