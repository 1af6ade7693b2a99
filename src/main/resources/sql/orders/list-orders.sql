SELECT id, provider, provider_order_id, client_order_id, user_id, crypto_amount, crypto_currency,
       fiat_amount, fiat_currency, provider_status, status, refund_required, redirect_url, version, created_at, updated_at,
       details_status, details_read_at, next_action, allowed_actions, action_required, fee_breakdown,
       authorization_deadline, reference_id, rate
FROM orders
WHERE (CAST(:#status AS VARCHAR(30)) IS NULL OR status = :#status)
  AND (CAST(:#provider AS VARCHAR(20)) IS NULL OR provider = :#provider)
  AND (CAST(:#userId AS VARCHAR(36)) IS NULL OR user_id = :#userId)
  AND (CAST(:#updatedSince AS TIMESTAMP WITH TIME ZONE) IS NULL
       OR updated_at >= CAST(:#updatedSince AS TIMESTAMP WITH TIME ZONE))
  -- waiting for the business or its user: canonical awaiting_action, or a refund owed (Unigox cancelled)
  AND (CAST(:#actionRequired AS BOOLEAN) IS NULL
       OR CAST(:#actionRequired AS BOOLEAN) = (status = 'awaiting_action' OR refund_required = TRUE))
ORDER BY created_at DESC, id DESC
LIMIT :#limit OFFSET :#offset
