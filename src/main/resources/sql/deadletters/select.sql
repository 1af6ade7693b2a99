-- One dead letter. Its status reads 'resolved' when the work got done another way: a webhook's inbox row
-- processed later, an event delivery delivered later (redelivered or recovered).
SELECT d.id, d.kind, d.provider, d.inbox_id, d.order_id, d.request_method, d.request_path, d.request_body,
       d.reason, d.failures, d.created_at, d.last_failed_at, d.replayed_at,
       d.event_seq, d.destination, e.id AS event_id, e.type AS event_type,
       CASE WHEN d.status = 'open' AND (i.processed_at IS NOT NULL OR ed.status = 'delivered') THEN 'resolved'
            ELSE d.status END AS status
FROM dead_letters d
LEFT JOIN webhook_inbox i ON i.id = d.inbox_id
LEFT JOIN event_deliveries ed ON ed.event_seq = d.event_seq AND ed.destination = d.destination
LEFT JOIN events e ON e.seq = d.event_seq
WHERE d.id = :#${variable.deadLetterId}
