-- POST /admin/events/recover?since=: every delivery that failed (retries exhausted) with its last attempt
-- at or after :since sent again from the first step of the schedule, in order with its subject's others.
-- Their dead letters read 'resolved' once they are delivered.
UPDATE event_deliveries
SET status = 'pending', attempts = 0, next_attempt_at = CURRENT_TIMESTAMP, claimed_until = NULL, claimed_by = NULL
WHERE status = 'failed'
  AND last_attempt_at >= :#since
