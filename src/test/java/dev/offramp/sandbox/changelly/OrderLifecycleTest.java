package dev.offramp.sandbox.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.SandboxResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Orders move by the clock, by the advance endpoint and by the sandbox PATCH. */
class OrderLifecycleTest {

    private ChangellySimulator simulator;
    private SignedClient client;

    private void start(int stepSeconds) throws Exception {
        simulator = new ChangellySimulator(SandboxKeys.settings("", stepSeconds));
        client = new SignedClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void advanceStepsCreatedPendingComplete() throws Exception {
        start(0);
        String orderId = client.createOrder("ext-1");

        JsonNode pending = SignedClient.json(SignedClient.ok(client.control("POST", "/_sandbox/orders/" + orderId + "/advance", null)));
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("transactionHash").asText()).matches("[0-9a-f]{64}");
        assertThat(client.order(orderId).get("status").asText()).isEqualTo("pending");

        client.control("POST", "/_sandbox/orders/" + orderId + "/advance", null);
        assertThat(client.order(orderId).get("status").asText()).isEqualTo("complete");

        SandboxResponse beyondTheEnd = client.control("POST", "/_sandbox/orders/" + orderId + "/advance", null);
        assertThat(beyondTheEnd.status()).isEqualTo(400);
        assertThat(beyondTheEnd.body()).contains("\"cause\":\"status\"");
        assertThat(client.control("POST", "/_sandbox/orders/nope/advance", null).status()).isEqualTo(404);
    }

    @Test
    void theClockMovesOrdersByItself() throws Exception {
        start(1);
        String orderId = client.createOrder("ext-1");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.order(orderId).get("status").asText(), "complete"::equals);
    }

    @Test
    void theClockLeavesAnOrderAloneOnceItIsMovedOffItsPath() throws Exception {
        start(1);
        String held = client.createOrder("ext-held");
        String moving = client.createOrder("ext-moving");
        client.patch("/v1/sandbox/order/" + held, "{\"status\":\"hold\"}");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.order(moving).get("status").asText(), "complete"::equals);
        assertThat(client.order(held).get("status").asText()).isEqualTo("hold");
    }

    @Test
    void patchMovesAnOrderAnywhereAndChangesItsProperties() throws Exception {
        start(0);
        String orderId = client.createOrder("ext-1");

        JsonNode patched = SignedClient.json(SignedClient.ok(client.patch("/v1/sandbox/order/" + orderId,
                "{\"status\":\"refunded\",\"amountTo\":\"250.5\",\"payoutAmount\":250.5,\"ip\":\"10.0.0.1\",\"metadata\":{\"note\":\"x\"}}")));

        assertThat(patched.get("status").asText()).isEqualTo("refunded");
        JsonNode stored = client.order(orderId);
        assertThat(stored.get("status").asText()).isEqualTo("refunded");
        assertThat(stored.get("amountExpectedTo").asText()).isEqualTo("250.5");
        assertThat(stored.get("payoutAmount").asText()).isEqualTo("250.5");
        assertThat(stored.get("ip").asText()).isEqualTo("10.0.0.1");
        assertThat(stored.get("metadata").toString()).isEqualTo("{\"note\":\"x\"}");

        client.patch("/v1/sandbox/order/" + orderId, "{\"status\":\"complete\",\"ip\":null}");
        assertThat(client.order(orderId).get("status").asText()).isEqualTo("complete");
        assertThat(client.order(orderId).get("ip").isNull()).isTrue();
    }

    @Test
    void postIsAcceptedForTheSandboxUpdateAsTheUseCasePageSays() throws Exception {
        start(0);
        String orderId = client.createOrder("ext-1");

        assertThat(client.post("/v1/sandbox/order/" + orderId, "{\"status\":\"expired\"}").status()).isEqualTo(200);
        assertThat(client.order(orderId).get("status").asText()).isEqualTo("expired");
    }

    @Test
    void anInvalidStatusOrAnUnknownOrderIsRefused() throws Exception {
        start(0);
        String orderId = client.createOrder("ext-1");

        SandboxResponse invalid = client.patch("/v1/sandbox/order/" + orderId, "{\"status\":\"completed\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"errorType\":\"validation\"").contains("\"cause\":\"status\"");
        assertThat(client.order(orderId).get("status").asText()).isEqualTo("created");

        assertThat(client.patch("/v1/sandbox/order/" + orderId, "{\"amountFrom\":\"-2\"}").body()).contains("\"cause\":\"amountFrom\"");

        SandboxResponse unknown = client.patch("/v1/sandbox/order/no-such-order", "{\"status\":\"failed\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"cause\":\"id\"");
        assertThat(client.post("/v1/sandbox/order/no-such-order/resend-callback", null).status()).isEqualTo(404);
    }

    @Test
    void resetForgetsOrders() throws Exception {
        start(0);
        client.createOrder("ext-1");

        assertThat(client.control("POST", "/_sandbox/reset", null).status()).isEqualTo(200);

        assertThat(client.getJson("/v1/orders").get("total").asInt()).isZero();
        assertThat(client.post("/v1/sell/orders", SignedClient.orderBody("ext-1", "user-1")).status()).isEqualTo(200);
    }
}
