-- Retention: events older than offramp.events.retention-days with nothing left to send (their deliveries
-- go with them).
DELETE FROM events
WHERE created_at < :#${variable.expiredBefore}
  AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_seq = events.seq AND d.status = 'pending')
