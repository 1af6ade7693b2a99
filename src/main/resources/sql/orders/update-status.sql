-- Optimistic lock: only the writer that read this version wins; a loser sees 0 rows and retries.
UPDATE orders
SET provider_status = :#${variable.providerStatus},
    status = :#${variable.canonicalStatus},
    version = version + 1,
    updated_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.orderId}
  AND version = :#${variable.orderVersion}
