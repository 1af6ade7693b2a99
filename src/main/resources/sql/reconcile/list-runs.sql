SELECT id, trigger_kind, scheduled_fire_time, status, started_at, finished_at, pages_fetched, orders_checked,
       changes_applied, orphans, stuck, money_in_escrow, errors, error_detail
FROM reconciliation_runs
ORDER BY id DESC
LIMIT :#limit OFFSET :#offset
