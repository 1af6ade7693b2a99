package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** {@link OrderListPlanContract} on H2 in PostgreSQL mode. */
class OrderListPlanTest extends OrderListPlanContract {

    OrderListPlanTest() {
        super(DatabaseUnderTest.h2("order-list-plan"));
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
