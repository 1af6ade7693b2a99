-- Marks the user's payment details deleted (the row stays: quotes name it). 0 rows: already gone.
UPDATE payment_details
SET deleted_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.paymentDetailsId}
  AND user_id = :#${variable.userId}
  AND deleted_at IS NULL
