package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ReadUnigoxWebhookTest {

    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    final ReadUnigoxWebhook read = new ReadUnigoxWebhook(new UnigoxWebhookEvents());

    @Test
    void anOrderStatusChangeBecomesOneVariablePerField() {
        String body = "{\"event_id\":\"evt_1\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\"ord-9\",\"status\":\"crypto_received\"}}";
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader("X-Unigox-Timestamp", "1700000000");

        read.process(exchange);

        assertThat(exchange.getVariable("rawBody")).isEqualTo(body);
        assertThat(exchange.getVariable("eventId")).isEqualTo("evt_1");
        assertThat(exchange.getVariable("eventType")).isEqualTo("order.status.changed");
        assertThat(exchange.getVariable("orderRef")).isEqualTo("ord-9");
        assertThat(exchange.getVariable("providerOrderId")).isEqualTo("ord-9");
        assertThat(exchange.getVariable("providerStatus")).isEqualTo("crypto_received");
        assertThat(exchange.getVariable("dedupeKey")).isEqualTo("order.status.changed:ord-9:crypto_received");
        assertThat(exchange.getVariable("headersJson", String.class)).contains("1700000000");
    }

    @Test
    void aKycUpdateCarriesTheUserAndTheReasons() {
        String body = "{\"event_id\":\"evt_2\",\"event_type\":\"user.kyc.updated\",\"data\":{\"user_uuid\":\"u-1\",\"kyc_status\":\"rejected\","
                + "\"rejection_reasons\":[\"blurry\",\"expired\"]}}";
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));

        read.process(exchange);

        assertThat(exchange.getVariable("unigoxUserUuid")).isEqualTo("u-1");
        assertThat(exchange.getVariable("kycProviderStatus")).isEqualTo("rejected");
        assertThat(exchange.getVariable("kycRejectionReasons")).isEqualTo(java.util.List.of("blurry", "expired"));
        assertThat(exchange.getVariable("dedupeKey")).isNull();
    }

    @Test
    void anEventWithoutItsIdIsRefusedLikeTheReaderRefusesIt() {
        exchange.getMessage().setBody("{\"event_type\":\"order.status.changed\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read.process(exchange)).isInstanceOf(ApiProblem.class);
        assertThat(exchange.getVariable("eventId")).isNull();
    }
}
