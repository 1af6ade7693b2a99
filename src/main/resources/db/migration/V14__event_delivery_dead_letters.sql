-- Events (issue 19), second part.
-- 1. A delivery whose retries ran out becomes a dead letter of kind event_delivery (the delivery is
--    the event_deliveries row it names; replay sends it once more, with the same webhook-id). One per
--    delivery, however often it fails: a later failure reopens it.
-- 2. last_attempt_at: when a delivery was last tried, which POST /admin/events/recover?since= selects by.
-- One script for H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE dead_letters ADD COLUMN event_seq BIGINT;
ALTER TABLE dead_letters ADD COLUMN destination VARCHAR(60);
ALTER TABLE dead_letters DROP CONSTRAINT ck_dead_letters_kind;
ALTER TABLE dead_letters ADD CONSTRAINT ck_dead_letters_kind
    CHECK (kind IN ('webhook', 'upstream_call', 'event_delivery'));
ALTER TABLE dead_letters ADD CONSTRAINT ck_dead_letters_event
    CHECK ((kind = 'event_delivery') = (event_seq IS NOT NULL AND destination IS NOT NULL));
ALTER TABLE dead_letters ADD CONSTRAINT uq_dead_letters_event UNIQUE (event_seq, destination);
-- the dead letter goes with its event only when retention removes the event (which it does not while the
-- dead letter is open: sql/events/delete-expired.sql)
ALTER TABLE dead_letters ADD CONSTRAINT fk_dead_letters_event
    FOREIGN KEY (event_seq) REFERENCES events (seq) ON DELETE CASCADE;

ALTER TABLE event_deliveries ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_event_deliveries_failed ON event_deliveries (status, last_attempt_at);
