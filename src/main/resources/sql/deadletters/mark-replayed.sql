UPDATE dead_letters
SET status = 'replayed', replayed_at = CURRENT_TIMESTAMP
WHERE id = :#${variable.deadLetterId} AND status = 'open'
