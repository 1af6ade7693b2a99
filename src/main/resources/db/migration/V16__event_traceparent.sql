-- Traces (issue 21): the W3C traceparent of the span that wrote an event (the webhook, API call or
-- reconciliation that changed the order), so its delivery, later and on another thread, joins that trace
-- (dev.offramp.events.EventTrace). NULL when tracing is off. One script for H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE events ADD COLUMN traceparent VARCHAR(55);
