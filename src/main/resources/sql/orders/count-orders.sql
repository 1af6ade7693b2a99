SELECT COUNT(*) AS total
FROM orders
WHERE (CAST(:#status AS VARCHAR(30)) IS NULL OR status = :#status)
  AND (CAST(:#provider AS VARCHAR(20)) IS NULL OR provider = :#provider)
