-- POST /admin/events/{id}/redeliver: every delivery of the event sent again from the first step of the
-- schedule (after its subject's earlier pending ones, as always), whatever became of it. One in flight is
-- released: the outcome of that attempt is then not written over this (record-attempt.sql).
UPDATE event_deliveries
SET status = 'pending', attempts = 0, next_attempt_at = CURRENT_TIMESTAMP, claimed_until = NULL, claimed_by = NULL
WHERE event_seq = (SELECT seq FROM events WHERE id = :#${variable.eventId})
