UPDATE reconciliation_runs
SET status = :#${variable.summary.status()},
    running_slot = NULL,
    finished_at = CURRENT_TIMESTAMP,
    pages_fetched = :#${variable.summary.getPagesFetched()},
    orders_checked = :#${variable.summary.getOrdersChecked()},
    changes_applied = :#${variable.summary.getChangesApplied()},
    orphans = :#${variable.summary.getOrphans()},
    stuck = :#${variable.summary.getStuck()},
    money_in_escrow = :#${variable.summary.getMoneyInEscrow()},
    errors = :#${variable.summary.getErrors()},
    error_detail = CAST(:#${variable.summary.getErrorDetail()} AS VARCHAR(2000))
WHERE id = :#${variable.runId}
