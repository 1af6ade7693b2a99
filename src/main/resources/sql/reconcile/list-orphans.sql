-- GET /admin/reconciliation/orphans: orders an upstream lists that we do not hold, newest first.
SELECT provider, provider_order_id, provider_status, first_seen_run, last_seen_run, first_seen_at
FROM reconciliation_orphans
ORDER BY first_seen_at DESC, provider, provider_order_id
LIMIT :#limit
