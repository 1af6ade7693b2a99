-- The Unigox account create-or-get answered for our user, and the KYC status it came with, kept in one
-- statement. A link already there (a concurrent request won) or an account another user of ours holds
-- is left alone: the caller reads the row again.
UPDATE users
SET unigox_user_uuid = CAST(:#${variable.linkedUserUuid} AS VARCHAR(64)),
    unigox_linked_at = CURRENT_TIMESTAMP,
    kyc_status = CAST(:#${variable.kycStatus} AS VARCHAR(40)),
    kyc_provider_status = CAST(:#${variable.kycProviderStatus} AS VARCHAR(40)),
    kyc_rejection_reasons = NULL,
    updated_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.userId}
  AND unigox_user_uuid IS NULL
  AND NOT EXISTS (SELECT 1 FROM users other WHERE other.unigox_user_uuid = CAST(:#${variable.linkedUserUuid} AS VARCHAR(64)))
