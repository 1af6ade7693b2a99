-- The outcome of one attempt: delivered, retry at next_attempt_at, or failed when retries are exhausted;
-- the hold released either way. Parameters: the body (DeliveryOutcomes.record: the delivery's key and the
-- outcome of DeliveryOutcomes.outcome). The delivery loop runs it as one JDBC batch for a batch's delivered
-- and retried deliveries (events-deliver-batch); a failure or a 410 is written at once (events-record-attempt).
-- Only while the delivery is still held by the claim the attempt was made under (claim_token): an admin's
-- redeliver or recover while it was in flight released it, and their fresh start must stand (0 rows here).
UPDATE event_deliveries
SET status = :#status,
    attempts = attempts + 1,
    next_attempt_at = COALESCE(CAST(:#next_attempt_at AS TIMESTAMP WITH TIME ZONE), next_attempt_at),
    claimed_until = NULL,
    claimed_by = NULL,
    last_attempt_at = CURRENT_TIMESTAMP,
    last_status = CAST(:#last_status AS INTEGER),
    last_error = CAST(:#last_error AS VARCHAR(500)),
    delivered_at = CASE WHEN :#status = 'delivered' THEN CURRENT_TIMESTAMP ELSE delivered_at END
WHERE event_seq = :#event_seq
  AND destination = :#destination
  AND claimed_by = :#claim_token
