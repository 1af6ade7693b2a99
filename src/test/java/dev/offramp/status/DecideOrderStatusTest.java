package dev.offramp.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class DecideOrderStatusTest {

    final OrderStateMachine stateMachine = new OrderStateMachine();
    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void aForwardMoveIsAppliedAndCarriesTheVersionItWasDecidedOn() {
        exchange.setVariable("order", Map.of("provider", "unigox", "provider_status", "awaiting_crypto_transfer_authorization", "version", 3));
        exchange.setVariable("providerStatus", "crypto_received");

        DecideOrderStatus.forStoredOrder(stateMachine).process(exchange);

        assertThat(exchange.getVariable("decisionApplied")).isEqualTo(true);
        assertThat(exchange.getVariable("decisionFrom")).isEqualTo("awaiting_crypto_transfer_authorization");
        assertThat(exchange.getVariable("decisionTo")).isEqualTo("crypto_received");
        assertThat(exchange.getVariable("canonicalStatus"))
                .isEqualTo(stateMachine.decide("unigox", "awaiting_crypto_transfer_authorization", "crypto_received").canonicalStatus());
        assertThat(exchange.getVariable("decisionReason")).isNull();
        assertThat(exchange.getVariable("orderVersion")).isEqualTo(3);
    }

    @Test
    void aRegressionIsIgnoredWithTheStateMachinesReason() {
        exchange.setVariable("order", Map.of("provider", "unigox", "provider_status", "crypto_received", "version", 4));
        exchange.setVariable("providerStatus", "awaiting_crypto_transfer_authorization");

        DecideOrderStatus.forStoredOrder(stateMachine).process(exchange);

        assertThat(exchange.getVariable("decisionApplied")).isEqualTo(false);
        assertThat(exchange.getVariable("decisionReason", String.class))
                .isEqualTo(stateMachine.decide("unigox", "crypto_received", "awaiting_crypto_transfer_authorization").reason())
                .isNotBlank();
    }

    @Test
    void aNewOrderIsDecidedFromNothingForItsProvider() {
        exchange.setVariable("provider", "unigox");
        exchange.setVariable("providerStatus", "awaiting_liquidity_provider");

        DecideOrderStatus.forNewOrder(stateMachine).process(exchange);

        assertThat(exchange.getVariable("decisionApplied")).isEqualTo(true);
        assertThat(exchange.getVariable("decisionFrom")).isNull();
        assertThat(exchange.getVariable("canonicalStatus")).isEqualTo("created");
        assertThat(exchange.getVariable("orderVersion")).as("no stored order, no version").isNull();
    }
}
