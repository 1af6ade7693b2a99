-- Users belong to the business (issue 15, part 3). POST /api/v1/users writes only this table; the
-- Unigox account is linked on first need (routes/api/users-link-unigox.camel.yaml), and when is kept.
-- KYC has one vocabulary of ours in kyc_status (dev.offramp.unigox.UnigoxKyc, README "Users and KYC"),
-- Unigox's own value beside it in kyc_provider_status, and the rejection reasons as a JSON array of
-- strings. One script for H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE users ADD COLUMN unigox_linked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN kyc_provider_status VARCHAR(40);
-- room for the JSON form of what was kept joined with "; " (quotes and brackets added below)
ALTER TABLE users ALTER COLUMN kyc_rejection_reasons SET DATA TYPE VARCHAR(4000);

-- rows from before: every user got its Unigox account when it was created
UPDATE users SET unigox_linked_at = created_at WHERE unigox_user_uuid IS NOT NULL;

-- kyc_status held Unigox's raw values (API: VERIFICATION_REJECTED, webhook: REJECTED, any case)
UPDATE users SET kyc_provider_status = kyc_status WHERE kyc_status IS NOT NULL;
UPDATE users SET kyc_status = CASE UPPER(kyc_provider_status)
        WHEN 'NOT_INITIATED' THEN 'not_started'
        WHEN 'PENDING_DOCUMENTS' THEN 'pending_documents'
        WHEN 'IN_PROGRESS' THEN 'in_progress'
        WHEN 'UNDER_REVIEW' THEN 'under_review'
        WHEN 'VERIFIED' THEN 'verified'
        WHEN 'VERIFICATION_REJECTED' THEN 'rejected'
        WHEN 'REJECTED' THEN 'rejected'
        WHEN 'FAILED' THEN 'failed'
        ELSE 'unknown' END
WHERE kyc_provider_status IS NOT NULL;

-- reasons were kept as one string joined with "; " (webhook); now a JSON array of strings
UPDATE users
SET kyc_rejection_reasons = '["' || REPLACE(REPLACE(REPLACE(kyc_rejection_reasons, '\', '\\'), '"', '\"'), '; ', '","') || '"]'
WHERE kyc_rejection_reasons IS NOT NULL AND kyc_rejection_reasons NOT LIKE '[%';

ALTER TABLE users ADD CONSTRAINT ck_users_kyc_status CHECK (kyc_status IS NULL OR kyc_status IN
    ('not_started', 'pending_documents', 'in_progress', 'under_review', 'verified', 'rejected', 'failed', 'unknown'));
