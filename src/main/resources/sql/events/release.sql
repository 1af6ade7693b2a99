-- A claimed delivery not attempted (its destination was just disabled): free for when it is enabled again;
-- only while it is still held by the claim it was read under (see record-attempt.sql).
UPDATE event_deliveries SET claimed_until = NULL, claimed_by = NULL
WHERE event_seq = :#${variable.delivery[event_seq]} AND destination = :#${variable.delivery[destination]}
  AND claimed_by = :#${variable.delivery[claim_token]}
