-- An email given to create-or-get fills in a user that had none; a stored email is never replaced.
UPDATE users
SET email = CAST(:#${variable.email} AS VARCHAR(320)),
    updated_at = CURRENT_TIMESTAMP
WHERE user_ref = :#${variable.userRef}
  AND email IS NULL
