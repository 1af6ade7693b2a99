SELECT id, user_ref, email, unigox_user_uuid, kyc_status, kyc_rejection_reasons, created_at, updated_at
FROM users
WHERE user_ref = :#${variable.userRef}
