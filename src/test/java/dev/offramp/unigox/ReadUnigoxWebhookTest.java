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
        // no created_at: nothing to compare it by, so it is applied as it comes
        assertThat(exchange.getVariable("kycEventAt")).isNull();
    }

    @Test
    void aKycUpdateCarriesWhenUnigoxCreatedItAndAnUnreadableTimeIsNone() {
        String body = "{\"event_id\":\"evt_3\",\"event_type\":\"user.kyc.updated\",\"created_at\":\"2026-03-10T12:05:00Z\","
                + "\"data\":{\"user_uuid\":\"u-1\",\"kyc_status\":\"UNDER_REVIEW\"}}";
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));

        read.process(exchange);

        assertThat(exchange.getVariable("kycEventAt")).isEqualTo(java.sql.Timestamp.from(java.time.Instant.parse("2026-03-10T12:05:00Z")));
        assertThat(UnigoxWebhookEvents.createdAt("2026-03-10T13:05:00+01:00")).isEqualTo(java.sql.Timestamp.from(java.time.Instant.parse("2026-03-10T12:05:00Z")));
        for (Object unreadable : new Object[] {"yesterday", "2026-03-10", 1700000000, "2026-03-10T12:05:00Z" + "0".repeat(40), null}) {
            assertThat(UnigoxWebhookEvents.createdAt(unreadable)).as(String.valueOf(unreadable)).isNull();
        }
    }

    @Test
    void anEventWithoutItsIdIsRefusedLikeTheReaderRefusesIt() {
        exchange.getMessage().setBody("{\"event_type\":\"order.status.changed\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> read.process(exchange)).isInstanceOf(ApiProblem.class);
        assertThat(exchange.getVariable("eventId")).isNull();
    }
}
