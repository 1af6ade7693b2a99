-- GET /admin/webhooks/inbox: stored webhooks, newest first, without their bodies or headers; filtered by
-- provider, verdict and the order they name (the upstream's order id as the webhook gave it).
SELECT id, provider, event_id, event_type, order_ref, verdict, verdict_reason, received_at, processed_at
FROM webhook_inbox
WHERE (CAST(:#provider AS VARCHAR(20)) IS NULL OR provider = :#provider)
  AND (CAST(:#verdict AS VARCHAR(30)) IS NULL OR verdict = :#verdict)
  AND (CAST(:#orderRef AS VARCHAR(100)) IS NULL OR order_ref = :#orderRef)
ORDER BY id DESC
LIMIT :#limit OFFSET :#offset
