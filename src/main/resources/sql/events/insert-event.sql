-- An event (one map of the batch, dev.offramp.events.Events), in the transaction of the change it reports.
INSERT INTO events (id, type, subject, body, traceparent)
VALUES (:#id, :#type, :#subject, CAST(:#body AS VARCHAR(20000)), CAST(:#traceparent AS VARCHAR(55)))
