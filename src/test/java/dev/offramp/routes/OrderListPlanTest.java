package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** {@link OrderListPlanContract} on H2 in PostgreSQL mode. */
class OrderListPlanTest extends OrderListPlanContract {

    private final String url = "jdbc:h2:mem:order-list-plan-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String plan(PreparedStatement explain) throws Exception {
        try (ResultSet rs = explain.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    void assertReadInIndexOrder(String plan) {
        // H2 names the index it reads and says when that index gives the ORDER BY's order
        assertThat(plan).contains("ix_orders_newest").contains("index sorted");
    }
}
