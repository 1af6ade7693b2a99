package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import dev.offramp.sandbox.unigox.WebhookReceiver.Received;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks on the wire: headers, signature, order of delivery, the test ping and the misbehaving modes. */
class WebhookDeliveryTest {

    private final SimulatorClient sim = new SimulatorClient();
    private WebhookReceiver receiver;
    private String user;
    private long details;

    /** The user is verified before the URL is registered, so only order events reach the receiver. */
    @BeforeEach
    void register() throws Exception {
        user = sim.createVerifiedUser("hooked");
        details = sim.addPaymentDetails(user, "EUR");
        receiver = new WebhookReceiver();
        assertThat(sim.post(P + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}").status()).isEqualTo(200);
    }

    /** A new order of the test's user, at awaiting_liquidity_provider. */
    private String openOrder() {
        Response initiated = sim.initiate(sim.quote(user, details, "100").data().get("quote_id").asText());
        assertThat(initiated.status()).isEqualTo(201);
        return initiated.data().get("order_id").asText();
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.close();
    }

    private static String hmac(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private List<Received> awaitReceived(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= count);
        return receiver.received();
    }

    /** The delivery log's order events (the onboarding's KYC event and test pings left out). */
    private JsonNode deliveries() {
        ArrayNode orderEvents = SimulatorClient.JSON.createArrayNode();
        sim.get("/_sandbox/webhooks/deliveries").data().get("deliveries").forEach(d -> {
            if (!d.get("order_id").isNull()) {
                orderEvents.add(d);
            }
        });
        return orderEvents;
    }

    private void setMode(String mode) {
        assertThat(sim.post("/_sandbox/webhooks/mode", "{\"mode\":\"" + mode + "\"}").status()).isEqualTo(200);
    }

    @Test
    void everyEventIsSignedOverTheExactBytesSent() throws Exception {
        String order = openOrder();
        Received received = awaitReceived(1).get(0);

        assertThat(received.headers()).containsEntry("content-type", "application/json")
                .containsEntry("user-agent", "unigox-webhooks/1.0");
        String timestamp = received.headers().get("x-unigox-timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(sim.clock.instant().getEpochSecond()));
        String signature = received.headers().get("x-unigox-signature");
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(signature).isEqualTo(hmac(SimulatorClient.SECRET, timestamp, received.body()));
        assertThat(signature).isNotEqualTo(hmac("another-secret", timestamp, received.body()));

        JsonNode event = received.json();
        assertThat(event.get("event_id").asText()).matches("evt_[0-9a-f-]{36}");
        assertThat(event.get("event_type").asText()).isEqualTo("order.status.changed");
        assertThat(event.get("created_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(event.get("data").get("order_id").asText()).isEqualTo(order);
        assertThat(event.get("data").get("status").asText()).isEqualTo("awaiting_liquidity_provider");
        assertThat(event.get("data").get("partner_fee_pct").isNumber()).isTrue();

        JsonNode delivery = deliveries().get(0);
        assertThat(delivery.get("event_id").asText()).isEqualTo(event.get("event_id").asText());
        assertThat(delivery.get("order_id").asText()).isEqualTo(order);
        assertThat(delivery.get("delivered").asBoolean()).isTrue();
        assertThat(delivery.get("http_status").asInt()).isEqualTo(200);
        assertThat(delivery.get("dropped").asBoolean()).isFalse();
    }

    @Test
    void eventsArriveInTheOrderTheyHappened() {
        String order = openOrder();
        for (int i = 0; i < 3; i++) {
            sim.advance(openOrder());
        }
        sim.advance(order);
        sim.post(P + "/orders/" + order + "/authorize-crypto-transfer", SimulatorClient.authorizeBody());
        sim.advance(order);
        List<Received> received = awaitReceived(10);
        assertThat(received).extracting(Received::eventId)
                .containsExactlyElementsOf(deliveries().findValuesAsText("event_id"));
        assertThat(received.stream().filter(r -> r.json().get("data").get("order_id").asText().equals(order)))
                .extracting(Received::status).containsExactly("awaiting_liquidity_provider",
                        "awaiting_crypto_transfer_authorization", "crypto_transfer_authorization_pending", "crypto_received");
    }

    @Test
    void theTestPingIsSignedAndReportsTheAnswer() throws Exception {
        Response ping = sim.post(P + "/webhooks/test");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.data().toString()).isEqualTo("{\"delivered\":true,\"http_status\":200}");
        Received received = awaitReceived(1).get(0);
        assertThat(received.eventType()).isEqualTo("webhook.test");
        assertThat(received.headers().get("x-unigox-signature"))
                .isEqualTo(hmac(SimulatorClient.SECRET, received.headers().get("x-unigox-timestamp"), received.body()));

        receiver.answerWith(500);
        Response failing = sim.post(P + "/webhooks/test");
        assertThat(failing.status()).isEqualTo(502);
        assertThat(failing.data().get("error_key").asText()).isEqualTo("webhook delivery failed");
        assertThat(failing.data().get("message").asText()).contains("500");
    }

    @Test
    void anUnreachableUrlFailsTheTestPingAndIsRecorded() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        sim.post(P + "/webhooks", "{\"url\":\"http://127.0.0.1:" + closedPort + "/hooks\"}");
        assertThat(sim.post(P + "/webhooks/test").status()).isEqualTo(502);
        openOrder();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries().get(0).get("state").asText().equals("failed"));
        JsonNode failed = deliveries().get(0);
        assertThat(failed.get("delivered").asBoolean()).isFalse();
        assertThat(failed.get("http_status").isNull()).isTrue();
        assertThat(failed.get("error").asText()).isNotBlank();
    }

    @Test
    void aNon2xxAnswerIsRecordedAsFailed() {
        receiver.answerWith(503);
        openOrder();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries().get(0).get("state").asText().equals("failed"));
        assertThat(deliveries().get(0).get("http_status").asInt()).isEqualTo(503);
        assertThat(deliveries().get(0).get("delivered").asBoolean()).isFalse();
    }

    @Test
    void duplicateSameIdSendsTheSameBytesTwice() {
        setMode("duplicate_same_id");
        openOrder();
        List<Received> received = awaitReceived(2);
        assertThat(received.get(0).eventId()).isEqualTo(received.get(1).eventId());
        assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
        assertThat(deliveries()).hasSize(2);
    }

    @Test
    void duplicateNewIdSendsTheSameChangeUnderTwoIds() {
        setMode("duplicate_new_id");
        openOrder();
        List<Received> received = awaitReceived(2);
        assertThat(received.get(0).eventId()).isNotEqualTo(received.get(1).eventId());
        assertThat(received.get(0).json().get("data")).isEqualTo(received.get(1).json().get("data"));
        assertThat(received.get(1).headers().get("x-unigox-signature")).isEqualTo(signatureOf(received.get(1)));
    }

    @Test
    void reorderSendsEachEventAfterTheNextOne() {
        setMode("reorder");
        String order = openOrder();
        assertThat(deliveries().get(0).get("state").asText()).isEqualTo("held");
        assertThat(deliveries().get(0).get("delivered").isNull()).isTrue();
        sim.advance(order);
        List<Received> received = awaitReceived(2);
        assertThat(received).extracting(Received::status)
                .containsExactly("awaiting_crypto_transfer_authorization", "awaiting_liquidity_provider");

        sim.post("/_sandbox/orders/" + order + "/end", "{\"status\":\"cancelled\"}");
        assertThat(deliveries().get(2).get("state").asText()).isEqualTo("held");
        setMode("normal");
        assertThat(awaitReceived(3).get(2).status()).isEqualTo("cancelled");
    }

    @Test
    void dropSendsNothingButRecordsEverything() {
        setMode("drop");
        String order = openOrder();
        sim.advance(order);
        JsonNode deliveries = deliveries();
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.findValuesAsText("state")).containsOnly("dropped");
        assertThat(deliveries.get(0).get("dropped").asBoolean()).isTrue();
        assertThat(deliveries.get(0).get("delivered").asBoolean()).isFalse();

        setMode("normal");
        sim.post(P + "/orders/" + order + "/authorize-crypto-transfer", SimulatorClient.authorizeBody());
        List<Received> received = awaitReceived(1);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).status()).isEqualTo("crypto_transfer_authorization_pending");
    }

    @Test
    void resetForgetsTheUrlTheModeAndTheLog() {
        setMode("drop");
        openOrder();
        assertThat(sim.post("/_sandbox/reset").data().get("reset").asBoolean()).isTrue();
        assertThat(deliveries()).isEmpty();
        assertThat(sim.get("/_sandbox/webhooks/deliveries").data().get("mode").asText()).isEqualTo("normal");
        assertThat(sim.get(P + "/webhooks").data().get("url").isNull()).isTrue();
        assertThat(sim.get(P + "/orders").data().get("orders")).isEmpty();
        assertThat(sim.post("/_sandbox/webhooks/mode", "{\"mode\":\"chaos\"}").status()).isEqualTo(400);
    }

    private static String signatureOf(Received received) {
        try {
            return hmac(SimulatorClient.SECRET, received.headers().get("x-unigox-timestamp"), received.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
