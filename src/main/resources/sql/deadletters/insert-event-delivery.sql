-- A delivery whose retries ran out: its dead letter, naming the event's order when the event is about one.
INSERT INTO dead_letters (kind, provider, event_seq, destination, order_id, reason)
VALUES ('event_delivery', 'events', :#${variable.delivery[event_seq]}, :#${variable.delivery[destination]},
        (SELECT id FROM orders WHERE id = :#${variable.delivery[subject]}),
        CAST(:#${variable.deadLetterReason} AS VARCHAR(500)))
