-- The created_at of the user.kyc.updated webhook whose KYC status a user holds (NULL: none applied yet, or the
-- status came from an API answer). Unigox's KYC status moves every way (VERIFIED, REJECTED, UNDER_REVIEW),
-- so a late delivery, a retry or a dead letter's replay of an older event must not write over a newer one:
-- users-record-kyc-status applies an event only when it is not older than this. One script for H2
-- (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE users ADD COLUMN kyc_event_at TIMESTAMP WITH TIME ZONE;
