package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimulatorClient.P;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.offramp.sandbox.SandboxResponse;
import dev.offramp.sandbox.unigox.SimulatorClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /_sandbox/faults}: armed failures that the next API requests to a path meet, counted in the
 * per-path stats, so route tests can play a failing upstream through the simulator.
 */
class FaultInjectionTest {

    private final SimulatorClient sim = new SimulatorClient();
    private String orderId;
    private String orderPath;

    @BeforeEach
    void oneOrder() {
        assertThat(sim.post("/_sandbox/orders/bulk", "{\"count\":1,\"status\":\"crypto_received\"}").status())
                .isEqualTo(201);
        orderId = UnigoxControlEndpoints.bulkOrderId(0, 0);
        orderPath = "/orders/" + orderId;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Response arm(String json) {
        Response armed = sim.post("/_sandbox/faults", json);
        assertThat(armed.status()).as(armed.json().toString()).isEqualTo(200);
        return armed;
    }

    private long callsTo(String methodAndPath) {
        var paths = sim.get("/_sandbox/stats").data().get("paths");
        return paths.has(methodAndPath) ? paths.get(methodAndPath).asLong() : 0;
    }

    private SandboxResponse rawGet(String path) {
        return sim.raw("GET", path, "", SimulatorClient.KEY, null, null);
    }

    @Test
    void theReferenceDataBesideThePartnerApiFailsByItsWholePath() {
        String rails = "/api/v1/supported/payment-rails";
        arm("{\"path\":\"" + rails + "\",\"method\":\"GET\",\"status\":503}");

        SandboxResponse failed = sim.raw("GET", rails, "direction=offramp&currency=EUR", null, null, new byte[0]);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body()).contains("\"success\":false");
        assertThat(sim.raw("GET", rails, "direction=offramp&currency=EUR", null, null, new byte[0]).status()).isEqualTo(200);
        assertThat(callsTo("GET " + rails)).isEqualTo(2);
        // the partner API is not touched by it, and a path no route answers is still refused
        assertThat(sim.get(P + orderPath).status()).isEqualTo(200);
        assertThat(sim.post("/_sandbox/faults", "{\"path\":\"/api/v1/supported/nothing\",\"status\":503}").status()).isEqualTo(400);
    }

    @Test
    void aStatusFaultMeetsTheNextCountRequestsThenIsGone() {
        Response armed = arm("{\"path\":\"" + orderPath + "\",\"status\":503,\"count\":2}");
        assertThat(armed.data().get("count").asInt()).isEqualTo(2);
        assertThat(armed.data().get("method").isNull()).isTrue();

        Response first = sim.get(P + orderPath);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("success").asBoolean()).isFalse();
        assertThat(first.error().get("code").asText()).isEqualTo("SANDBOX_INJECTED_FAULT");
        assertThat(first.error().get("message").asText()).isNotBlank();
        assertThat(sim.get("/_sandbox/faults").data().get("faults").get(0).get("count").asInt()).isEqualTo(1);

        assertThat(sim.get(P + orderPath).status()).isEqualTo(503);
        Response third = sim.get(P + orderPath);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.data().get("order_id").asText()).isEqualTo(orderId);
        assertThat(sim.get("/_sandbox/faults").data().get("faults")).isEmpty();

        // retries are countable: faulted calls included
        assertThat(callsTo("GET " + orderPath)).isEqualTo(3);
        assertThat(sim.get("/_sandbox/stats").data().get("calls").get("GET /api/v1/partner/orders/{order_id}").asLong())
                .isEqualTo(3);
    }

    @Test
    void theErrorUsesTheEnvelopeOfTheEndpointsFamily() {
        arm("{\"path\":\"/users\",\"status\":500}");

        Response users = sim.post(P + "/users", "{\"user_ref\":\"f1\",\"email\":\"f1@example.com\"}");

        assertThat(users.status()).isEqualTo(500);
        assertThat(users.json().has("error")).isFalse();
        assertThat(users.data().get("error_key").asText()).isEqualTo("sandbox_injected_fault");
        // the request never reached the endpoint: the same user can be created now
        assertThat(sim.post(P + "/users", "{\"user_ref\":\"f1\",\"email\":\"f1@example.com\"}").status()).isEqualTo(201);
    }

    @Test
    void a429CarriesRetryAfter() {
        arm("{\"path\":\"/orders\",\"status\":429,\"retryAfter\":7}");

        SandboxResponse throttled = rawGet(P + "/orders");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers()).containsEntry("Retry-After", "7");
        assertThat(throttled.body()).contains("SANDBOX_INJECTED_FAULT");
        SandboxResponse next = rawGet(P + "/orders");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.headers()).doesNotContainKey("Retry-After");
    }

    @Test
    void aMalformedAnswerIsA200ThatIsNotJson() {
        arm("{\"path\":\"" + orderPath + "\",\"malformed\":true}");

        SandboxResponse garbled = rawGet(P + orderPath);

        assertThat(garbled.status()).isEqualTo(200);
        assertThat(garbled.contentType()).isEqualTo("application/json");
        assertThat(garbled.body()).isEqualTo(UnigoxInjectedFault.MALFORMED_BODY);
        assertThatThrownBy(() -> SimulatorClient.JSON.readTree(garbled.body())).isInstanceOf(Exception.class);
        assertThat(sim.get(P + orderPath).status()).isEqualTo(200);
    }

    @Test
    void aDelayHoldsOnlyThatRequestThenItGoesOnAsUsual() {
        arm("{\"path\":\"" + orderPath + "\",\"delayMs\":1500}");
        long started = System.nanoTime();
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> sim.get(P + orderPath));

        // once the slow request has taken the fault, others are answered while it waits
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.get("/_sandbox/faults").data().get("faults").isEmpty());
        assertThat(sim.get(P + "/orders?status=crypto_received").status()).isEqualTo(200);
        assertThat(slow).isNotDone();

        Response answered = slow.join();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.data().get("order_id").asText()).isEqualTo(orderId);
    }

    @Test
    void aDelayComesBeforeTheError() {
        arm("{\"path\":\"" + orderPath + "\",\"delayMs\":300,\"status\":500}");
        long started = System.nanoTime();

        Response answered = sim.get(P + orderPath);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(answered.status()).isEqualTo(500);
    }

    @Test
    void theWildcardIsATotalOutageOfTheApiButNotOfTheControls() {
        arm("{\"path\":\"*\",\"status\":503,\"count\":4}");

        assertThat(sim.get(P + orderPath).status()).isEqualTo(503);
        assertThat(sim.get(P + "/orders").status()).isEqualTo(503);
        assertThat(sim.send("POST", P + "/offramp/estimate", "", null, "application/json",
                "{\"crypto_currency\":\"USDC\",\"fiat_currency\":\"EUR\",\"fiat_amount\":\"92\"}"
                        .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(503);
        assertThat(sim.get("/_sandbox/stats").status()).isEqualTo(200);
        assertThat(sim.advance(orderId).status()).isNotEqualTo(503);
        assertThat(sim.get(P + "/webhooks").status()).isEqualTo(503);
        assertThat(sim.get(P + "/orders").status()).isEqualTo(200);
    }

    @Test
    void theMostSpecificFaultWins() {
        arm("{\"path\":\"*\",\"status\":503,\"count\":10}");
        arm("{\"path\":\"" + orderPath + "\",\"status\":429}");

        assertThat(sim.get(P + orderPath).status()).isEqualTo(429);
        assertThat(sim.get(P + orderPath).status()).isEqualTo(503);
        assertThat(sim.get("/_sandbox/faults").data().get("faults").get(0).get("count").asInt()).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "get"})
    void aMethodFilterLeavesOtherMethodsAlone(String method) {
        arm("{\"path\":\"/webhooks\",\"method\":\"" + method + "\",\"status\":500}");

        assertThat(sim.post(P + "/webhooks", "{\"url\":\"http://localhost:1/hook\"}").status()).isIn(200, 201);
        assertThat(sim.get(P + "/webhooks").status()).isEqualTo(500);
        assertThat(sim.get(P + "/webhooks").status()).isEqualTo(200);
        assertThat(callsTo("GET /webhooks")).isEqualTo(2);
        assertThat(callsTo("POST /webhooks")).isEqualTo(1);
    }

    @Test
    void armingThePathAndMethodAgainReplacesTheFault() {
        arm("{\"path\":\"" + orderPath + "\",\"status\":500,\"count\":5}");
        arm("{\"path\":\"" + orderPath + "/\",\"status\":503}");
        arm("{\"path\":\"" + orderPath + "\",\"method\":\"GET\",\"status\":429}");

        var faults = sim.get("/_sandbox/faults").data().get("faults");
        assertThat(faults).hasSize(2);
        assertThat(faults.get(0).get("status").asInt()).isEqualTo(503);
        assertThat(faults.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(faults.get(1).get("method").asText()).isEqualTo("GET");
    }

    @Test
    void theFullApiPathIsAcceptedToo() {
        Response armed = arm("{\"path\":\"" + P + orderPath + "\",\"status\":500}");

        assertThat(armed.data().get("path").asText()).isEqualTo(orderPath);
        assertThat(sim.get(P + orderPath).status()).isEqualTo(500);
    }

    @Test
    void aRequestRefusedForItsKeyDoesNotUseUpTheFault() {
        arm("{\"path\":\"" + orderPath + "\",\"status\":500}");

        assertThat(sim.send("GET", P + orderPath, "", "wrong-key", null, null).status()).isEqualTo(401);

        assertThat(sim.get(P + orderPath).status()).isEqualTo(500);
    }

    @Test
    void resetAndClearForgetTheFaults() {
        arm("{\"path\":\"/orders\",\"status\":500}");
        assertThat(sim.post("/_sandbox/reset").status()).isEqualTo(200);
        assertThat(sim.get("/_sandbox/faults").data().get("faults")).isEmpty();
        assertThat(sim.get(P + "/orders").status()).isEqualTo(200);

        arm("{\"path\":\"/orders\",\"status\":500}");
        arm("{\"path\":\"*\",\"status\":503}");
        Response cleared = sim.post("/_sandbox/faults/clear");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.data().get("cleared").asInt()).isEqualTo(2);
        assertThat(sim.get("/_sandbox/faults").data().get("faults")).isEmpty();
        assertThat(sim.get(P + "/orders").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\":500}",
        "{\"path\":\"orders\",\"status\":500}",
        "{\"path\":\"/orders?status=created\",\"status\":500}",
        "{\"path\":\"/no-such-endpoint\",\"status\":500}",
        "{\"path\":\"/_sandbox/reset\",\"status\":500}",
        "{\"path\":\"/orders\",\"method\":\"DELETE\",\"status\":500}",
        "{\"path\":\"/orders\"}",
        "{\"path\":\"/orders\",\"delayMs\":0}",
        "{\"path\":\"/orders\",\"status\":200}",
        "{\"path\":\"/orders\",\"status\":\"500\"}",
        "{\"path\":\"/orders\",\"status\":500,\"count\":0}",
        "{\"path\":\"/orders\",\"delay_ms\":1000}",
        "{\"path\":\"/orders\",\"retryAfter\":3}",
        "{\"path\":\"/orders\",\"status\":500,\"malformed\":true}",
        "{\"path\":\"/orders\",\"malformed\":\"yes\"}",
        "{\"path\":\"/orders\",\"delayMs\":600001}"
    })
    void aFaultThatCouldNotBeMetAsMeantIsRefused(String json) {
        Response refused = sim.post("/_sandbox/faults", json);

        assertThat(refused.status()).as(refused.json().toString()).isEqualTo(400);
        assertThat(refused.error().get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(sim.get("/_sandbox/faults").data().get("faults")).isEmpty();
    }
}
