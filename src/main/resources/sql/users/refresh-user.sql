UPDATE users
SET email = :#${variable.email},
    unigox_user_uuid = CAST(:#${variable.unigoxUserUuid} AS VARCHAR(64)),
    kyc_status = CAST(:#${variable.kycStatus} AS VARCHAR(40)),
    updated_at = CURRENT_TIMESTAMP
WHERE user_ref = :#${variable.userRef}
