package dev.offramp.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class PreparedQueryCacheTest {

    static final String QUERY = "UPDATE orders SET status = :?${variable.status} WHERE id = :?${variable.orderId} AND version = :?version";

    @Test
    void preparesAStatementAsCamelSqlDoesAndOnlyOnce() throws Exception {
        try (var context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            PreparedQueryCache cache = new PreparedQueryCache();

            String first = cache.prepareQuery(QUERY, true, exchange);
            String second = cache.prepareQuery(QUERY, true, exchange);

            assertThat(first).isEqualTo(new DefaultSqlPrepareStatementStrategy().prepareQuery(QUERY, true, exchange))
                    .isEqualTo("UPDATE orders SET status = ? WHERE id = ? AND version = ?");
            assertThat(second).isSameAs(first);
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    @Test
    void anInListIsPreparedForItsValuesEveryTime() throws Exception {
        String query = "SELECT id FROM orders WHERE provider_order_id IN (:?in:${variable.ids})";
        try (var context = new DefaultCamelContext()) {
            PreparedQueryCache cache = new PreparedQueryCache();
            Exchange three = new DefaultExchange(context);
            three.setVariable("ids", List.of("a", "b", "c"));
            Exchange two = new DefaultExchange(context);
            two.setVariable("ids", List.of("a", "b"));

            assertThat(cache.prepareQuery(query, true, three)).isEqualTo("SELECT id FROM orders WHERE provider_order_id IN (?,?,?)");
            assertThat(cache.prepareQuery(query, true, two)).isEqualTo("SELECT id FROM orders WHERE provider_order_id IN (?,?)");
            assertThat(cache.size()).isZero();
        }
    }

    @Test
    void everySqlEndpointCreatedAfterInstallUsesTheCache() throws Exception {
        try (var context = new DefaultCamelContext()) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:prepared-query-cache");
            context.getRegistry().bind("ds", ds);
            PreparedQueryCache.install(context);
            context.start();

            SqlEndpoint endpoint = context.getEndpoint("sql:SELECT 1?dataSource=#ds", SqlEndpoint.class);

            assertThat(endpoint.getPrepareStatementStrategy()).isInstanceOf(PreparedQueryCache.class);
        }
    }
}
