package dev.offramp.sandbox.changelly;

import static dev.offramp.sandbox.changelly.ReferenceDataTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callbacks reach a real HTTP receiver, in order, with the order as body and an x-callback-signature that
 * the bundle's configured callback public key verifies: with java.security and, independently, with openssl.
 */
class CallbackDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    private CallbackReceiver receiver;
    private ChangellySimulator simulator;
    private SignedClient client;

    @BeforeEach
    void start() throws Exception {
        receiver = new CallbackReceiver();
        simulator = new ChangellySimulator(SandboxKeys.settings(receiver.url(), 0));
        client = new SignedClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    @Test
    void eachStatusChangeIsPostedWithTheOrderAndAVerifiableSignature() throws Exception {
        String orderId = client.createOrder("ext-1");
        advance(orderId);
        advance(orderId);

        List<CallbackReceiver.Received> received = awaitReceived(2);
        assertThat(received).extracting(r -> json(r.body()).get("status").asText()).containsExactly("pending", "complete");
        for (CallbackReceiver.Received callback : received) {
            assertThat(callback.method()).isEqualTo("POST");
            assertThat(callback.path()).isEqualTo("/webhooks/changelly");
            assertThat(callback.contentType()).startsWith("application/json");
            JsonNode body = json(callback.body());
            assertThat(body.get("orderId").asText()).isEqualTo(orderId);
            assertThat(body.get("externalOrderId").asText()).isEqualTo("ext-1");
            assertThat(body.get("type").asText()).isEqualTo("sell");
            assertThat(body.get("amountExpectedTo").asText()).isEqualTo("273.61");

            String signedContent = "{\"orderId\":\"" + orderId + "\"}";
            assertThat(verifiesWithJava(signedContent, callback.signature())).isTrue();
            assertThat(verifiesWithOpenssl(signedContent, callback.signature())).isTrue();
            // only the order id is signed, not the body
            assertThat(verifiesWithJava(callback.body(), callback.signature())).isFalse();
            assertThat(verifiesWithOpenssl("{\"orderId\":\"someone-else\"}", callback.signature())).isFalse();
        }
        // the current state of an order is the last callback's body
        assertThat(json(received.get(1).body())).isEqualTo(client.order(orderId));
    }

    @Test
    void creatingAnOrderSendsNoCallback() throws Exception {
        String first = client.createOrder("ext-1");
        client.createOrder("ext-2");
        advance(first);

        List<CallbackReceiver.Received> received = awaitReceived(1);
        assertThat(json(received.get(0).body()).get("status").asText()).isEqualTo("pending");
        assertThat(client.control("GET", "/_sandbox/callbacks", null).body()).doesNotContain("ext-2");
    }

    @Test
    void aSandboxPatchAlwaysSendsACallbackAndResendRepeatsTheCurrentOne() throws Exception {
        String orderId = client.createOrder("ext-1");

        client.patch("/v1/sandbox/order/" + orderId, "{\"status\":\"hold\"}");
        client.patch("/v1/sandbox/order/" + orderId, "{\"userAgent\":\"test\"}");
        JsonNode resend = client.postJson("/v1/sandbox/order/" + orderId + "/resend-callback", null);
        assertThat(resend.toString()).isEqualTo("{\"status\":\"success\"}");

        List<CallbackReceiver.Received> received = awaitReceived(3);
        assertThat(received).extracting(r -> json(r.body()).get("status").asText()).containsExactly("hold", "hold", "hold");
        assertThat(json(received.get(1).body()).get("userAgent").asText()).isEqualTo("test");
        JsonNode log = recordedCallbacks();
        assertThat(texts(log, "reason")).containsExactly("sandbox-patch", "sandbox-patch", "resend");
        assertThat(texts(log, "outcome")).containsOnly("delivered");
        assertThat(texts(log, "httpStatus")).containsOnly("200");
    }

    @Test
    void callbacksArriveInTheOrderTheChangesWereMade() throws Exception {
        String orderId = client.createOrder("ext-1");
        List<String> statuses = List.of("pending", "hold", "pending", "refunded", "complete", "failed", "expired", "created");
        for (String status : statuses) {
            client.patch("/v1/sandbox/order/" + orderId, "{\"status\":\"" + status + "\"}");
        }

        assertThat(awaitReceived(statuses.size())).extracting(r -> json(r.body()).get("status").asText())
                .containsExactlyElementsOf(statuses);
        assertThat(texts(recordedCallbacks(), "sequence")).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    }

    @Test
    void theLyingCallbackClaimsAStatusTheOrderDoesNotHave() throws Exception {
        String orderId = client.createOrder("ext-1");
        advance(orderId);
        awaitReceived(1);

        JsonNode lie = SignedClient.json(client.control("POST", "/_sandbox/callbacks/lie",
                "{\"orderId\":\"" + orderId + "\",\"status\":\"complete\"}"));
        assertThat(lie.get("claimedStatus").asText()).isEqualTo("complete");
        assertThat(lie.get("storedStatus").asText()).isEqualTo("pending");

        CallbackReceiver.Received lying = awaitReceived(2).get(1);
        assertThat(json(lying.body()).get("status").asText()).isEqualTo("complete");
        assertThat(verifiesWithJava("{\"orderId\":\"" + orderId + "\"}", lying.signature())).isTrue();
        assertThat(verifiesWithOpenssl("{\"orderId\":\"" + orderId + "\"}", lying.signature())).isTrue();
        // what GET /v1/orders says is the truth
        assertThat(client.order(orderId).get("status").asText()).isEqualTo("pending");
        assertThat(recordedCallbacks().get(1).get("reason").asText()).isEqualTo("lie");
    }

    @Test
    void theLieEndpointValidatesItsInput() {
        String orderId = client.createOrder("ext-1");
        assertThat(client.control("POST", "/_sandbox/callbacks/lie", "{\"orderId\":\"" + orderId + "\",\"status\":\"paid\"}").status())
                .isEqualTo(400);
        assertThat(client.control("POST", "/_sandbox/callbacks/lie", "{\"orderId\":\"nope\",\"status\":\"complete\"}").status())
                .isEqualTo(404);
    }

    @Test
    void aRefusedOrUndeliverableCallbackIsRecordedAsFailed() throws Exception {
        receiver.answer(500);
        String orderId = client.createOrder("ext-1");
        advance(orderId);

        await().atMost(WAIT).until(() -> recordedCallbacks().size() == 1);
        JsonNode delivery = recordedCallbacks().get(0);
        assertThat(delivery.get("outcome").asText()).isEqualTo("failed");
        assertThat(delivery.get("httpStatus").asInt()).isEqualTo(500);
        assertThat(delivery.get("body").get("orderId").asText()).isEqualTo(orderId);

        try (ChangellySimulator noUrl = new ChangellySimulator(SandboxKeys.settings("", 0))) {
            SignedClient other = new SignedClient(noUrl);
            other.control("POST", "/_sandbox/orders/" + other.createOrder("ext-1") + "/advance", null);
            await().atMost(WAIT).until(() -> SignedClient.json(other.control("GET", "/_sandbox/callbacks", null)).get("callbacks").size() == 1);
            JsonNode notSent = SignedClient.json(other.control("GET", "/_sandbox/callbacks", null)).get("callbacks").get(0);
            assertThat(notSent.get("outcome").asText()).isEqualTo("failed");
            assertThat(notSent.get("httpStatus").isNull()).isTrue();
            assertThat(notSent.get("error").asText()).contains("callback-url");
        }
    }

    @Test
    void resetForgetsRecordedCallbacks() throws Exception {
        String orderId = client.createOrder("ext-1");
        advance(orderId);
        await().atMost(WAIT).until(() -> recordedCallbacks().size() == 1);

        client.control("POST", "/_sandbox/reset", null);

        assertThat(recordedCallbacks()).isEmpty();
    }

    private void advance(String orderId) {
        SignedClient.ok(client.control("POST", "/_sandbox/orders/" + orderId + "/advance", null));
    }

    private List<CallbackReceiver.Received> awaitReceived(int count) {
        await().atMost(WAIT).until(() -> receiver.received().size() >= count);
        // and the simulator has recorded them too
        await().atMost(WAIT).until(() -> recordedCallbacks().size() >= count);
        return receiver.received();
    }

    private JsonNode recordedCallbacks() {
        return SignedClient.json(client.control("GET", "/_sandbox/callbacks", null)).get("callbacks");
    }

    private static JsonNode json(String text) {
        try {
            return SignedClient.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    private static boolean verifiesWithJava(String content, String signatureHeader) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(SandboxKeys.callbackPublicKey());
        verifier.update(content.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signatureHeader));
    }

    /** {@code openssl dgst -sha256 -verify}; a missing openssl fails the test rather than skipping it. */
    private boolean verifiesWithOpenssl(String content, String signatureHeader) throws Exception {
        Path key = Files.writeString(Files.createTempFile(tmp, "callback", ".pub.pem"), SandboxKeys.callbackPublicKeyPem());
        Path signature = Files.write(Files.createTempFile(tmp, "callback", ".sig"), Base64.getDecoder().decode(signatureHeader));
        Path data = Files.writeString(Files.createTempFile(tmp, "callback", ".txt"), content);
        Process openssl = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", key.toString(),
                "-signature", signature.toString(), data.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        boolean verified = openssl.exitValue() == 0;
        if (verified) {
            assertThat(output).isEqualTo("Verified OK");
        } else {
            assertThat(output).endsWith("Verification failure");
        }
        return verified;
    }
}
