-- Event deliveries are claimed a batch at a time (issue 19's delivery rate): one JDBC batch marks every due
-- delivery of a batch with the same token, and the instance then reads back only the rows that carry its
-- token (sql/events/select-claimed.sql). A delivery another instance claimed first keeps that instance's
-- token, so two instances never send one delivery at once. The index serves that read-back.
-- One script for H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE event_deliveries ADD COLUMN claimed_by VARCHAR(36);
CREATE INDEX ix_event_deliveries_claimed_by ON event_deliveries (claimed_by);
