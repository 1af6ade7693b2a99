-- order.refund.required: the order shows the authorize-refund action. Not a status change: the
-- status itself (cancelled) goes through the status router like any other.
UPDATE orders
SET refund_required = TRUE, updated_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.orderId}
