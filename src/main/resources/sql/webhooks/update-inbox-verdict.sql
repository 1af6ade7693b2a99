UPDATE webhook_inbox
SET verdict = :#${variable.inboxVerdict},
    verdict_reason = CAST(:#${variable.inboxVerdictReason} AS VARCHAR(300)),
    processed_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.inboxId}
