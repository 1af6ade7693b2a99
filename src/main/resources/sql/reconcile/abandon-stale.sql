-- A run still holding the slot long after it started died with its instance: free the slot.
UPDATE reconciliation_runs
SET status = 'abandoned', running_slot = NULL, finished_at = CURRENT_TIMESTAMP,
    error_detail = 'the instance running it stopped before it finished'
WHERE running_slot = 1
  AND started_at < :#${variable.abandonBefore}
