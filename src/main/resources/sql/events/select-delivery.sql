-- One delivery with its event, as select-due.sql reads it, for a dead letter's replay.
SELECT d.event_seq, d.destination, d.subject, d.attempts, d.claimed_by AS claim_token, e.id, e.type, e.body, e.created_at
FROM event_deliveries d
JOIN events e ON e.seq = d.event_seq
WHERE d.event_seq = :#${variable.deadLetter[event_seq]}
  AND d.destination = :#${variable.deadLetter[destination]}
