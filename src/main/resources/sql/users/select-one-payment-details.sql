-- One of the user's payment details by our id; a deleted one is not found (404).
SELECT id, user_id, provider, provider_payment_details_id, payment_method, currency
FROM payment_details
WHERE id = :#${variable.paymentDetailsId}
  AND user_id = :#${variable.userId}
  AND deleted_at IS NULL
