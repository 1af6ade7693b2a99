package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class VerifyUnigoxWebhookTest {

    static final long NOW = 1_790_000_000L;
    static final byte[] BODY = "{\"event_id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    final VerifyUnigoxWebhook verify = new VerifyUnigoxWebhook(
            new UnigoxWebhookSignature("s3cret", 300, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)));

    Exchange delivery(String secret, long timestamp) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(BODY);
        exchange.getMessage().setHeader("X-Unigox-Timestamp", Long.toString(timestamp));
        exchange.getMessage().setHeader("X-Unigox-Signature", UnigoxWebhookSignature.signatureHeader(secret, timestamp, BODY));
        verify.process(exchange);
        return exchange;
    }

    @Test
    void aFreshSignedDeliveryIsVerifiedAndNotStale() {
        Exchange exchange = delivery("s3cret", NOW);
        assertThat(exchange.getVariable("signatureRefusal")).isNull();
        assertThat(exchange.getVariable("webhookStale")).isEqualTo(false);
    }

    @Test
    void aStaleSignedDeliveryIsVerifiedAndMarkedStale() {
        Exchange exchange = delivery("s3cret", NOW - 3600);
        assertThat(exchange.getVariable("signatureRefusal")).isNull();
        assertThat(exchange.getVariable("webhookStale")).isEqualTo(true);
    }

    @Test
    void aForgedDeliveryIsRefusedFreshOrStale() {
        assertThat(delivery("guess", NOW).getVariable("signatureRefusal")).isEqualTo("mismatch");
        assertThat(delivery("guess", NOW - 3600).getVariable("signatureRefusal")).isEqualTo("mismatch");
    }

    @Test
    void withoutSecretsEverythingIsRefused() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        new VerifyUnigoxWebhook(null).process(exchange);
        assertThat(exchange.getVariable("signatureRefusal")).isEqualTo("no_secrets");
    }
}
