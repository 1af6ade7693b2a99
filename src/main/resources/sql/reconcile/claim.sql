-- Takes the one running slot (and, for a scheduled run, this tick). 0 rows = another run is going,
-- or another instance already ran this tick.
INSERT INTO reconciliation_runs (trigger_kind, scheduled_fire_time, running_slot, status)
VALUES (:#${variable.triggerKind}, CAST(:#${variable.scheduledFireTime} AS BIGINT), 1, 'running')
ON CONFLICT DO NOTHING
