package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook template's verify and read steps for Changelly (VerifyChangellyCallback, ReadChangellyCallback). */
class ChangellyCallbackStepsTest {

    static KeyPair keys;

    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    final ChangellyCallbacks callbacks = new ChangellyCallbacks();

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    static String signature(String content) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(content.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private void arrives(String body, String signature) {
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader("x-callback-signature", signature);
    }

    @Test
    void aSignedCallbackVerifiesAndBecomesTheInboxVariables() throws Exception {
        String body = "{\"orderId\":\"ch-1\",\"status\":\"finished\"}";
        arrives(body, signature("{\"orderId\":\"ch-1\"}"));

        new VerifyChangellyCallback(callbacks, new ChangellyCallbackVerifier(List.of(keys.getPublic()))).process(exchange);
        new ReadChangellyCallback(callbacks).process(exchange);

        assertThat(exchange.getVariable("signatureRefusal")).isNull();
        assertThat(exchange.getVariable("rawBody")).isEqualTo(body);
        assertThat(exchange.getVariable("eventId", String.class)).startsWith("sha256:");
        assertThat(exchange.getVariable("eventType")).isEqualTo("order.callback");
        assertThat(exchange.getVariable("dedupeKey")).isNull();
        assertThat(exchange.getVariable("orderRef")).isEqualTo("ch-1");
        assertThat(exchange.getVariable("headersJson")).isEqualTo("{}");
        assertThat(exchange.getVariable("webhookRefusal")).isNull();
    }

    @Test
    void aSignatureOverAnotherOrderIsRefused() throws Exception {
        arrives("{\"orderId\":\"ch-1\"}", signature("{\"orderId\":\"ch-2\"}"));

        new VerifyChangellyCallback(callbacks, new ChangellyCallbackVerifier(List.of(keys.getPublic()))).process(exchange);

        assertThat(exchange.getVariable("signatureRefusal")).isEqualTo("x-callback-signature does not verify");
    }

    @Test
    void withChangellySwitchedOffNothingVerifies() throws Exception {
        arrives("{\"orderId\":\"ch-1\"}", signature("{\"orderId\":\"ch-1\"}"));

        new VerifyChangellyCallback(callbacks, ChangellyCallbackVerifier.acceptingNothing()).process(exchange);

        assertThat(exchange.getVariable("signatureRefusal")).isNotNull();
    }

    @Test
    void aMalformedCallbackIsA400BeforeItsSignatureIsLookedAt() {
        arrives("{\"status\":\"finished\"}", "whatever");

        assertThatThrownBy(() -> new VerifyChangellyCallback(callbacks, ChangellyCallbackVerifier.acceptingNothing()).process(exchange))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void aStoredCallbackIsReadFromItsBodyWhenNothingWasVerifiedBefore() {
        arrives("{\"orderId\":\"ch-3\"}", null);

        new ReadChangellyCallback(callbacks).process(exchange);

        assertThat(exchange.getVariable("orderRef")).isEqualTo("ch-3");
        assertThat(exchange.getVariable("event", java.util.Map.class)).containsEntry("order_id", "ch-3");
    }
}
