-- The deliveries this instance just claimed (claim.sql, the token of its batch) with what is sent: the event's
-- id, type, exact body and time of writing, in commit order. Parameters: the body (a map with claim_token).
SELECT d.event_seq, d.destination, d.subject, d.attempts, d.claimed_by AS claim_token, e.id, e.type, e.body, e.created_at, e.traceparent
FROM event_deliveries d
JOIN events e ON e.seq = d.event_seq
WHERE d.claimed_by = :#claim_token
  AND d.status = 'pending'
ORDER BY d.event_seq
