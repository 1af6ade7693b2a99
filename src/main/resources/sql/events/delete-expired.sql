-- Retention: events older than offramp.events.retention-days with nothing left to send (their deliveries
-- go with them), and no open dead letter (an admin may still replay it).
DELETE FROM events
WHERE created_at < :#${variable.expiredBefore}
  AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_seq = events.seq AND d.status = 'pending')
  AND NOT EXISTS (SELECT 1 FROM dead_letters l WHERE l.event_seq = events.seq AND l.status = 'open')
