-- Payment details deleted through DELETE /api/v1/users/{id}/payment-details/{payment_details_id} (issue 18).
-- The row stays, marked, because quotes (unigox_quotes.payment_details_id) and through them orders still
-- name it; a deleted one is no longer listed, read or quoted against. One script for H2 and PostgreSQL.
ALTER TABLE payment_details ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
