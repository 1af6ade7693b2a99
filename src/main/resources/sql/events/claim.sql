-- Takes one due delivery (one map of the batch, DeliveryOutcomes.claims) for this instance for a while
-- (offramp.events.claim-seconds), marked with the batch's token; run as one JDBC batch in one transaction
-- for the whole batch. 0 rows: another instance has it, or it is no longer due. The WHERE is checked again
-- on the locked row, so two instances never both take it; select-claimed.sql reads back what this one took.
UPDATE event_deliveries
SET claimed_until = CAST(:#claim_until AS TIMESTAMP WITH TIME ZONE),
    claimed_by = :#claim_token
WHERE event_seq = :#event_seq
  AND destination = :#destination
  AND status = 'pending'
  AND (claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP)
