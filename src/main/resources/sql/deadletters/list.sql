-- The dead letters, newest first, filtered by kind and status; 'resolved' derived as in select.sql.
SELECT * FROM (
    SELECT d.id, d.kind, d.provider, d.inbox_id, d.order_id, d.request_method, d.request_path,
           d.reason, d.failures, d.created_at, d.last_failed_at, d.replayed_at,
           d.destination, e.id AS event_id, e.type AS event_type,
           CASE WHEN d.status = 'open' AND (i.processed_at IS NOT NULL OR ed.status = 'delivered') THEN 'resolved'
                ELSE d.status END AS status
    FROM dead_letters d
    LEFT JOIN webhook_inbox i ON i.id = d.inbox_id
    LEFT JOIN event_deliveries ed ON ed.event_seq = d.event_seq AND ed.destination = d.destination
    LEFT JOIN events e ON e.seq = d.event_seq
    WHERE (CAST(:#kind AS VARCHAR(20)) IS NULL OR d.kind = :#kind)
) listed
WHERE (CAST(:#status AS VARCHAR(20)) IS NULL OR listed.status = :#status)
ORDER BY listed.id DESC
LIMIT :#limit OFFSET :#offset
