SELECT id, user_ref, email, unigox_user_uuid, unigox_linked_at, kyc_status, kyc_provider_status, kyc_rejection_reasons,
       created_at, updated_at
FROM users
WHERE user_ref = :#${variable.userRef}
