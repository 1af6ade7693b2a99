-- ix_orders_provider_status (provider, provider_status) is a prefix of ix_orders_reconcile
-- (provider, provider_status, id), which serves every query the shorter one did. A status change
-- rewrites every index of orders (status is indexed, so PostgreSQL cannot make it a HOT update):
-- one index fewer is one index entry fewer per status change.
DROP INDEX ix_orders_provider_status;
