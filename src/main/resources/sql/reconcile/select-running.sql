SELECT id, trigger_kind, started_at FROM reconciliation_runs WHERE running_slot = 1
