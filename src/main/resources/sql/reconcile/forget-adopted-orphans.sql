-- An orphan whose order we now hold (its webhook or creation answer came late) is no orphan.
DELETE FROM reconciliation_orphans
WHERE EXISTS (SELECT 1 FROM orders o
              WHERE o.provider = reconciliation_orphans.provider
                AND o.provider_order_id = reconciliation_orphans.provider_order_id)
