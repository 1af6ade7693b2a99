-- Create-or-get by user_ref, safe under concurrency on H2 and PostgreSQL alike.
INSERT INTO users (id, user_ref, email, unigox_user_uuid, kyc_status)
VALUES (:#${variable.newUserId}, :#${variable.userRef}, :#${variable.email},
        CAST(:#${variable.unigoxUserUuid} AS VARCHAR(64)), CAST(:#${variable.kycStatus} AS VARCHAR(40)))
ON CONFLICT DO NOTHING
