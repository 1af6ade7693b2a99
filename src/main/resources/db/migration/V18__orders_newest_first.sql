-- The order list (GET /api/v1/orders, the console's first page) is newest first: ORDER BY created_at DESC,
-- id DESC. No index held that order, so every page read and sorted the whole table: on PostgreSQL with
-- 200,000 orders a page took 110-150 ms (session 20), growing with the table. Read from this index, the
-- first page takes 0.1 ms. An order's created_at and id never change, so a status update leaves the entry
-- alone on H2; on PostgreSQL it adds one entry per row version, as the other indexes do. One script for H2
-- (MODE=PostgreSQL) and PostgreSQL.

CREATE INDEX ix_orders_newest ON orders (created_at DESC, id DESC);
