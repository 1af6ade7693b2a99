INSERT INTO reconciliation_orphans (provider, provider_order_id, provider_status, first_seen_run, last_seen_run)
VALUES (:#${variable.reconcileProvider}, :#provider_order_id, CAST(:#provider_status AS VARCHAR(60)), :#${variable.runId}, :#${variable.runId})
ON CONFLICT DO NOTHING
