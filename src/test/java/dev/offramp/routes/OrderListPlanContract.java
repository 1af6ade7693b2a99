package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order list's first page without filters (GET /api/v1/orders, the console's first view) is read from an
 * index in its order, not by sorting the whole table: the database's own plan for
 * {@code sql/orders/list-orders.sql} over 20,000 orders, with the parameters the route binds. Run on H2
 * ({@link OrderListPlanTest}) and PostgreSQL ({@link PostgresOrderListPlanTest}).
 */
abstract class OrderListPlanContract {

    static final int ORDERS = 20_000;
    static final Pattern NAMED = Pattern.compile(":#(\\w+)");

    private final DatabaseUnderTest database;

    OrderListPlanContract(DatabaseUnderTest database) {
        this.database = database;
    }

    /** The plan of the statement with its parameters bound, as text. */
    abstract String plan(PreparedStatement explain) throws Exception;

    /** What the plan of a page read in index order, without a sort of the table, says. */
    abstract void assertReadInIndexOrder(String plan);

    @BeforeEach
    void ordersOfManyDays() throws Exception {
        Flyway.configure().dataSource(database.url(), database.user(), "").locations("classpath:db/migration").load().migrate();
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO users (id, user_ref) VALUES ('u1', 'r1')");
            }
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, provider, provider_order_id, "
                    + "provider_status, status, user_id, created_at, updated_at) VALUES (?, 'unigox', ?, 'x', ?, 'u1', ?, ?)")) {
                for (int i = 0; i < ORDERS; i++) {
                    Timestamp at = Timestamp.from(start.plusSeconds(60L * i));
                    insert.setString(1, String.format("order-%06d", i));
                    insert.setString(2, "p" + i);
                    insert.setString(3, i % 3 == 0 ? "awaiting_action" : "completed");
                    insert.setTimestamp(4, at);
                    insert.setTimestamp(5, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute(database.url().startsWith("jdbc:h2:") ? "ANALYZE" : "ANALYZE orders");
            }
        }
    }

    /** list-orders.sql as camel-sql runs it: each :#name a positional parameter, in order. */
    static String listOrders(List<String> names) throws Exception {
        String sql;
        try (InputStream in = OrderListPlanContract.class.getResourceAsStream("/sql/orders/list-orders.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = NAMED.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        return positional.toString();
    }

    /** Binds a first page of {@code limit} orders with no filter, as the route does for a bare GET. */
    static void bindFirstPage(PreparedStatement ps, List<String> names, int limit) throws Exception {
        for (int i = 0; i < names.size(); i++) {
            switch (names.get(i)) {
                case "limit" -> ps.setInt(i + 1, limit);
                case "offset" -> ps.setInt(i + 1, 0);
                default -> ps.setNull(i + 1, Types.VARCHAR);
            }
        }
    }

    @Test
    void theFirstPageWithoutFiltersIsReadInIndexOrder() throws Exception {
        List<String> names = new ArrayList<>();
        String sql = listOrders(names);
        try (Connection c = database.connect()) {
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
                bindFirstPage(explain, names, 20);
                assertReadInIndexOrder(plan(explain));
            }
            // and the page is the newest twenty, newest first
            try (PreparedStatement page = c.prepareStatement(sql)) {
                bindFirstPage(page, names, 20);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString("id"));
                    }
                }
                assertThat(ids).hasSize(20).first().isEqualTo(String.format("order-%06d", ORDERS - 1));
                assertThat(ids).last().isEqualTo(String.format("order-%06d", ORDERS - 20));
            }
        }
    }
}
