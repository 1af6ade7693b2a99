-- An event delivery that ran out of retries again (after a redelivery or a recovery): its one dead letter
-- open again, counting one more failure. 0 rows: it has none yet (insert-event-delivery.sql).
UPDATE dead_letters
SET status = 'open', failures = failures + 1, replayed_at = NULL,
    reason = CAST(:#${variable.deadLetterReason} AS VARCHAR(500)), last_failed_at = CURRENT_TIMESTAMP
WHERE kind = 'event_delivery'
  AND event_seq = :#${variable.delivery[event_seq]}
  AND destination = :#${variable.delivery[destination]}
