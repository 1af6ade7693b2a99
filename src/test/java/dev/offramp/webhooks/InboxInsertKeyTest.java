package dev.offramp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The headers are the ones camel-sql reads and writes (SqlConstants), spelled out here on purpose. */
class InboxInsertKeyTest {

    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void asksCamelSqlForTheIdColumnOnly() {
        InboxInsertKey.ask().process(exchange);

        assertThat(exchange.getMessage().getHeader("CamelSqlRetrieveGeneratedKeys")).isEqualTo(true);
        assertThat(exchange.getMessage().getHeader("CamelSqlGeneratedColumns")).isEqualTo(new String[] {"id"});
    }

    @Test
    void anInsertedRowGivesItsIdWhateverTheDriverCallsTheColumn() {
        InboxInsertKey.ask().process(exchange);
        exchange.getMessage().setHeader("CamelSqlUpdateCount", 1);
        exchange.getMessage().setHeader("CamelSqlGeneratedKeyRows", List.of(Map.of("ID", 42L)));
        exchange.getMessage().setHeader("CamelSqlGeneratedKeysRowCount", 1);

        InboxInsertKey.take().process(exchange);

        assertThat(exchange.getVariable("inboxId")).isEqualTo(42L);
        assertThat(exchange.getMessage().getHeaders())
                .as("a later statement of the same exchange must not ask for keys")
                .doesNotContainKeys("CamelSqlRetrieveGeneratedKeys", "CamelSqlGeneratedColumns",
                        "CamelSqlGeneratedKeyRows", "CamelSqlGeneratedKeysRowCount");
    }

    @Test
    void nothingInsertedLeavesTheIdToTheLookup() {
        exchange.setVariable("inboxId", 7L); // left over from an earlier step: must not survive
        InboxInsertKey.ask().process(exchange);
        exchange.getMessage().setHeader("CamelSqlUpdateCount", 0);
        exchange.getMessage().setHeader("CamelSqlGeneratedKeyRows", List.of());

        InboxInsertKey.take().process(exchange);

        assertThat(exchange.getVariable("inboxId")).isNull();
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys("CamelSqlRetrieveGeneratedKeys", "CamelSqlGeneratedColumns");
    }
}
