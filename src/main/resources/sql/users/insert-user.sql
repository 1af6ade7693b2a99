-- Create-or-get of our own user by user_ref, safe under concurrency on H2 and PostgreSQL alike.
-- No upstream account yet: users-link-unigox links one on first need.
INSERT INTO users (id, user_ref, email)
VALUES (:#${variable.newUserId}, :#${variable.userRef}, CAST(:#${variable.email} AS VARCHAR(320)))
ON CONFLICT DO NOTHING
