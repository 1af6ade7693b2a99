-- A replay of an event_delivery dead letter takes its failed delivery for one last attempt; 0 rows: it is
-- no longer failed (redelivered or recovered meanwhile) or another replay holds it. As a last attempt,
-- attempts reads as the schedule's end, so a failure leaves it failed. The replay's own token marks the
-- hold: its outcome is written only while the delivery is still held by it (record-attempt.sql).
UPDATE event_deliveries
SET claimed_until = CAST(:#${variable.claimUntil} AS TIMESTAMP WITH TIME ZONE),
    claimed_by = :#${variable.claimToken}
WHERE event_seq = :#${variable.deadLetter[event_seq]}
  AND destination = :#${variable.deadLetter[destination]}
  AND status = 'failed'
  AND (claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP)
