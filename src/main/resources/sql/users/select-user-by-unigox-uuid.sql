-- Our user of a Unigox account, as select-user.sql reads it (a KYC status is recorded by that account), its row
-- locked until the transaction ends: two KYC reports of one user are written one after the other, each
-- event's "from" the status the other left.
SELECT id, user_ref, email, unigox_user_uuid, unigox_linked_at, kyc_status, kyc_provider_status, kyc_rejection_reasons,
       kyc_event_at, created_at, updated_at
FROM users
WHERE unigox_user_uuid = :#${variable.unigoxUserUuid}
FOR UPDATE
