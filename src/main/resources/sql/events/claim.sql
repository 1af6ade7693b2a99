-- Takes one due delivery for this instance for a while (offramp.events.claim-seconds); 0 rows: another
-- instance has it, or it is no longer due. The WHERE is checked again on the locked row, so two
-- instances never both get 1. Parameters: the body (DeliveryOutcomes.claim).
UPDATE event_deliveries
SET claimed_until = CAST(:#claim_until AS TIMESTAMP WITH TIME ZONE)
WHERE event_seq = :#event_seq
  AND destination = :#destination
  AND status = 'pending'
  AND (claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP)
