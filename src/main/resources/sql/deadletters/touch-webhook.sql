UPDATE dead_letters
SET failures = failures + 1,
    reason = CAST(:#${variable.deadLetterReason} AS VARCHAR(500)),
    last_failed_at = CURRENT_TIMESTAMP
WHERE inbox_id = :#${variable.inboxId}
