-- order.refund.required: the order shows Unigox's authorize-refund action. A late or reordered delivery
-- after the refund was authorized changes nothing. Not a status change: the status itself (cancelled)
-- goes through the status router like any other. The first time marks when the money was found in escrow.
UPDATE orders
SET refund_required = TRUE,
    refund_required_since = COALESCE(refund_required_since, CURRENT_TIMESTAMP),
    next_action = 'authorize_refund',
    allowed_actions = '["authorize-refund"]',
    details_status = 'cancelled',
    updated_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.orderId}
  AND provider_status NOT IN ('refund_pending', 'refunded')
