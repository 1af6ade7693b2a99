-- The KYC status Unigox reported for a user (API answer or user.kyc.updated webhook).
UPDATE users
SET kyc_status = CAST(:#${variable.kycStatus} AS VARCHAR(40)),
    kyc_rejection_reasons = CAST(:#${variable.kycRejectionReasons} AS VARCHAR(2000)),
    updated_at = CURRENT_TIMESTAMP
WHERE unigox_user_uuid = :#${variable.unigoxUserUuid}
