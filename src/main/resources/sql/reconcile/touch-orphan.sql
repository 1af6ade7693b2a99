UPDATE reconciliation_orphans
SET last_seen_run = :#${variable.runId}, provider_status = CAST(:#provider_status AS VARCHAR(60))
WHERE provider = :#${variable.reconcileProvider} AND provider_order_id = :#provider_order_id
