package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Tag;

/** {@link OrderListPlanContract} on PostgreSQL, in a fresh schema. */
@Tag("postgres")
class PostgresOrderListPlanTest extends OrderListPlanContract {

    PostgresOrderListPlanTest() {
        super(DatabaseUnderTest.postgres("offramp_order_list_plan"));
    }

    @Override
    String plan(PreparedStatement explain) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = explain.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Override
    void assertReadInIndexOrder(String plan) {
        // an index scan in the list's order under the LIMIT; no sort of the table, no sequential scan
        assertThat(plan).contains("Index Scan using ix_orders_newest").doesNotContain("Sort").doesNotContain("Seq Scan");
    }
}
