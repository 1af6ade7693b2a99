package dev.offramp.sandbox.changelly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.sandbox.SandboxResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /_sandbox/faults: the next N requests to a path fail or are delayed. */
class FaultInjectionTest {

    private static final String OFFERS = "/v1/sell/offers?currencyFrom=ETH&currencyTo=EUR&amountFrom=0.1&country=IT";

    private ChangellySimulator simulator;
    private SignedClient client;

    @BeforeEach
    void start() throws Exception {
        simulator = new ChangellySimulator(SandboxKeys.settings("", 0));
        client = new SignedClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void serverErrorsForTheNextNRequestsThenNormalAgain() {
        arm("{\"path\":\"/v1/sell/offers\",\"status\":500,\"count\":2}");

        for (int i = 0; i < 2; i++) {
            SandboxResponse failed = client.get(OFFERS);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo(
                    "{\"errorType\":\"internalServerError\",\"errorMessage\":\"Internal server error\",\"errorDetails\":null}");
        }
        assertThat(client.get(OFFERS).status()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsWithRetryAfter() {
        arm("{\"path\":\"/v1/orders\",\"status\":429,\"retryAfter\":3}");

        SandboxResponse limited = client.get("/v1/orders?limit=10");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers()).containsEntry("Retry-After", "3");
        assertThat(limited.body()).contains("\"errorType\":\"tooManyRequests\"");
        assertThat(client.get("/v1/orders?limit=10").status()).isEqualTo(200);
        // other paths were never affected
        assertThat(client.get("/v1/providers").status()).isEqualTo(200);
    }

    @Test
    void aDelayWithoutAnErrorStillAnswersNormally() {
        arm("{\"path\":\"/v1/providers\",\"delayMs\":300}");

        long started = System.nanoTime();
        SandboxResponse slow = client.get("/v1/providers");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(slow.status()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    void unauthenticatedRequestsDoNotUseUpAFault() {
        arm("{\"path\":\"/v1/providers\",\"status\":500}");

        assertThat(simulator.handle(SignedClient.request("GET", "/v1/providers", null, null)).status()).isEqualTo(401);
        assertThat(client.get("/v1/providers").status()).isEqualTo(500);
        assertThat(client.get("/v1/providers").status()).isEqualTo(200);
    }

    @Test
    void armedFaultsAreListedAndResetClearsThem() {
        arm("{\"path\":\"/v1/providers\",\"status\":500,\"count\":5}");
        assertThat(client.control("GET", "/_sandbox/faults", null).body()).contains("\"path\":\"/v1/providers\"").contains("\"count\":5");

        client.control("POST", "/_sandbox/reset", null);

        assertThat(client.control("GET", "/_sandbox/faults", null).body()).isEqualTo("{\"faults\":[]}");
        assertThat(client.get("/v1/providers").status()).isEqualTo(200);
    }

    @Test
    void badFaultRequestsAreRefused() {
        for (String body : new String[] {
            "{\"status\":500}",
            "{\"path\":\"/v1/providers\",\"status\":404}",
            "{\"path\":\"/v1/providers\",\"status\":500,\"retryAfter\":3}",
            "{\"path\":\"/v1/providers\",\"status\":500,\"count\":0}",
            "{\"path\":\"/v1/providers\"}"
        }) {
            assertThat(client.control("POST", "/_sandbox/faults", body).status()).as(body).isEqualTo(400);
        }
    }

    private void arm(String fault) {
        SignedClient.ok(client.control("POST", "/_sandbox/faults", fault));
    }
}
