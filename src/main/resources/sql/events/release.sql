-- A claimed delivery not attempted (its destination was just disabled): free for when it is enabled again.
UPDATE event_deliveries SET claimed_until = NULL
WHERE event_seq = :#${variable.delivery[event_seq]} AND destination = :#${variable.delivery[destination]}
