SELECT id, user_id, provider, provider_payment_details_id, payment_method, currency
FROM payment_details
WHERE id = :#${variable.paymentDetailsId}
  AND user_id = :#${variable.userId}
