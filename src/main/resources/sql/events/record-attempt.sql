-- The outcome of one attempt (variable attempt, dev.offramp.events.DeliveryOutcomes): delivered, retry at
-- next_attempt_at, or failed when retries are exhausted; the hold released either way.
UPDATE event_deliveries
SET status = :#${variable.attempt[status]},
    attempts = attempts + 1,
    next_attempt_at = COALESCE(CAST(:#${variable.attempt[next_attempt_at]} AS TIMESTAMP WITH TIME ZONE), next_attempt_at),
    claimed_until = NULL,
    last_attempt_at = CURRENT_TIMESTAMP,
    last_status = CAST(:#${variable.attempt[last_status]} AS INTEGER),
    last_error = CAST(:#${variable.attempt[last_error]} AS VARCHAR(500)),
    delivered_at = CASE WHEN :#${variable.attempt[status]} = 'delivered' THEN CURRENT_TIMESTAMP ELSE delivered_at END
WHERE event_seq = :#${variable.delivery[event_seq]}
  AND destination = :#${variable.delivery[destination]}
