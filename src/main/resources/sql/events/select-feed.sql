-- GET /api/v1/events: events after the cursor in commit order, limit + 1 rows (the extra one says more
-- follow). Only events older than offramp.events.feed-settle-ms are shown: a transaction that took its seq
-- earlier but commits later is then already visible, so a cursor never skips it.
SELECT seq, id, type, created_at, body
FROM events
WHERE seq > :#after
  AND created_at <= :#settledBefore
ORDER BY seq
LIMIT :#limitPlusOne
