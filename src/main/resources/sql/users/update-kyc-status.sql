-- A KYC status Unigox reported for a user (API answer or user.kyc.updated webhook): ours (UnigoxKyc),
-- Unigox's own value, and the rejection reasons as a JSON array (null unless rejected or failed).
-- A webhook's (kycEventAt: its created_at) is applied only when it is not older than the one whose status
-- the user holds (kyc_event_at): 0 rows for an older one. An API answer (kycEventAt null) is a fresh read and
-- always applies; it leaves kyc_event_at as it was, since our clock and Unigox's are not one clock.
UPDATE users
SET kyc_status = CAST(:#${variable.kycStatus} AS VARCHAR(40)),
    kyc_provider_status = CAST(:#${variable.kycProviderStatus} AS VARCHAR(40)),
    kyc_rejection_reasons = CAST(:#${variable.kycRejectionReasons} AS VARCHAR(4000)),
    kyc_event_at = COALESCE(CAST(:#${variable.kycEventAt} AS TIMESTAMP WITH TIME ZONE), kyc_event_at),
    updated_at = CURRENT_TIMESTAMP
WHERE unigox_user_uuid = :#${variable.unigoxUserUuid}
  AND (CAST(:#${variable.kycEventAt} AS TIMESTAMP WITH TIME ZONE) IS NULL
       OR kyc_event_at IS NULL
       OR kyc_event_at <= CAST(:#${variable.kycEventAt} AS TIMESTAMP WITH TIME ZONE))
