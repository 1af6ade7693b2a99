package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.app.OffRampApplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link DeadLettersContract} on PostgreSQL, and the shape of the indexes the webhook path writes and reads. */
@Tag("postgres")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18283", "offramp.management-port=19283",
            "offramp.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=offramp_dead_letters",
            "offramp.db.user=postgres", "offramp.db.pool-size=4",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.retry.backoff-ms=10", "changelly.retry.backoff-ms=10"
        })
class PostgresDeadLettersTest extends DeadLettersContract {

    static {
        PostgresDatabase.freshSchema("offramp_dead_letters");
    }

    /**
     * A pooled connection plans a prepared statement once, often while webhook_inbox is still small and
     * has no statistics. In the bench such a generic plan looked up each webhook's inbox row through an
     * index led by provider (one value per upstream), scanning every earlier delivery (3,829 rows for
     * one found). No index of webhook_inbox may be led by provider, so the per-webhook lookup
     * (provider = ? AND event_id = ?) can only use the event index (migration V7).
     */
    @Test
    void noInboxIndexIsLedByTheProviderColumn() throws Exception {
        DataSource ds = context.getRegistry().lookupByNameAndType("offrampDataSource", DataSource.class);
        java.util.List<String> indexes = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'webhook_inbox'")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }

        assertThat(indexes).anyMatch(d -> d.contains("uq_webhook_inbox_event") && d.contains("(event_id, provider)"));
        assertThat(indexes).noneMatch(d -> d.contains("(provider"));
    }

    /**
     * Every status change writes an entry into every index of orders, so no index may be redundant:
     * none may be a leading part of another, which serves the same lookups (migration V8).
     */
    @Test
    void noOrdersIndexIsAPrefixOfAnother() throws Exception {
        DataSource ds = context.getRegistry().lookupByNameAndType("offrampDataSource", DataSource.class);
        java.util.Map<String, String> columnsByIndex = new java.util.TreeMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'orders'")) {
            while (rs.next()) {
                String def = rs.getString(2);
                columnsByIndex.put(rs.getString(1), def.substring(def.lastIndexOf('(') + 1, def.lastIndexOf(')')));
            }
        }

        assertThat(columnsByIndex).containsKey("ix_orders_reconcile").doesNotContainKey("ix_orders_provider_status");
        columnsByIndex.forEach((name, columns) -> columnsByIndex.forEach((other, otherColumns) -> {
            if (!name.equals(other)) {
                assertThat(otherColumns).as("%s (%s) is a leading part of %s (%s)", name, columns, other, otherColumns)
                        .doesNotStartWith(columns + ",");
            }
        }));
    }
}
