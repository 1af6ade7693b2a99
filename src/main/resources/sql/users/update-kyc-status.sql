-- A KYC status Unigox reported for a user (API answer or user.kyc.updated webhook): ours (UnigoxKyc),
-- Unigox's own value, and the rejection reasons as a JSON array (null unless rejected or failed).
UPDATE users
SET kyc_status = CAST(:#${variable.kycStatus} AS VARCHAR(40)),
    kyc_provider_status = CAST(:#${variable.kycProviderStatus} AS VARCHAR(40)),
    kyc_rejection_reasons = CAST(:#${variable.kycRejectionReasons} AS VARCHAR(4000)),
    updated_at = CURRENT_TIMESTAMP
WHERE unigox_user_uuid = :#${variable.unigoxUserUuid}
