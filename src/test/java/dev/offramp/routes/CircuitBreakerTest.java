package dev.offramp.routes;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Changelly circuit breaker, driven by faults armed in the Changelly simulator: 5xx answers open it,
 * while open every call (safe or not) is a 503 JSON error without reaching the upstream and readiness
 * shows it, and after open-ms it lets a trial call through and closes by itself. The other upstream's
 * breaker is not affected.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18195", "offramp.management-port=19195",
            "offramp.db.url=jdbc:h2:mem:circuit-breaker;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.changelly.step-seconds=0", "sandbox.unigox.step-seconds=0",
            "changelly.retry.max-attempts=2", "changelly.retry.backoff-ms=10",
            "changelly.circuit.window-size=4", "changelly.circuit.minimum-calls=4",
            "changelly.circuit.open-ms=1500", "changelly.circuit.half-open-calls=1"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
class CircuitBreakerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VALIDATE = "{\"currency\":\"ETH\",\"wallet_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\"}";

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
    }


    JsonNode readiness() throws Exception {
        return JSON.readTree(bundle.health("/observe/health/ready?data=true"));
    }

    String circuitState(String upstream) throws Exception {
        for (JsonNode check : readiness().get("checks")) {
            if (check.get("name").asText().equals("upstream-circuits")) {
                return check.get("data").get(upstream + ".circuit").asText();
            }
        }
        throw new AssertionError("no upstream-circuits check in readiness: " + readiness());
    }

    @Test
    void failuresOpenTheCircuitWhichFailsFastAndClosesByItself() throws Exception {
        assertThat(circuitState("changelly")).isEqualTo("CLOSED");
        bundle.changellySandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/validate-address\",\"status\":500,\"count\":4}");

        // two requests, each two attempts, all four 500: the window is full of failures
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = bundle.post("/api/v1/addresses/validate", VALIDATE);
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        }
        assertThat(circuitState("changelly")).isEqualTo("OPEN");
        assertThat(circuitState("unigox")).as("one upstream's outage is not the other's").isEqualTo("CLOSED");
        // the admin API (the console's overview) says the same
        HttpResponse<String> circuits = bundle.send("GET", "/admin/upstreams/circuits", null, Bundle.ADMIN_KEY);
        assertThat(circuits.statusCode()).as(circuits.body()).isEqualTo(200);
        assertThat(JSON.readTree(circuits.body()).get("circuits").get("changelly").asText()).isEqualTo("OPEN");
        assertThat(JSON.readTree(circuits.body()).get("circuits").get("unigox").asText()).isEqualTo("CLOSED");
        assertThat(bundle.send("GET", "/admin/upstreams/circuits", null, Bundle.API_KEY).statusCode()).isEqualTo(401);
        assertThat(readiness().get("status").asText()).as("an open circuit does not make the bundle unready by default").isEqualTo("UP");

        // fails fast, as JSON, without reaching the simulator (whose faults are used up: a real call would pass)
        HttpResponse<String> fast = bundle.post("/api/v1/addresses/validate", VALIDATE);
        assertThat(fast.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(fast.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("upstream_circuit_open");
        assertThat(error.get("upstream").get("provider").asText()).isEqualTo("changelly");

        // an unsafe call too: no order is written and the idempotency key can be used again
        String userId = bundle.insertUser("circuit-user-" + UUID.randomUUID());
        String order = "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\","
                + "\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\","
                + "\"user_id\":\"" + userId + "\"}";
        HttpResponse<String> refused = bundle.raw("POST", "/api/v1/offramp/orders", order.getBytes(StandardCharsets.UTF_8), Map.of(
                "Content-Type", "application/json", "X-API-Key", Bundle.API_KEY, "Idempotency-Key", "circuit-key-1"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(bundle.query("SELECT * FROM orders WHERE user_id = ?", userId)).isEmpty();

        assertThat(bundle.metrics())
                .contains("offramp_upstream_requests_seconds_count{endpoint=\"/v1/validate-address\",method=\"POST\",outcome=\"5xx\",upstream=\"changelly\"}")
                .contains("outcome=\"circuit_open\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{name=\"changelly\",state=\"open\"[^}]*} 1");

        // after open-ms the breaker lets a trial call through on its own, and a success closes it
        await().atMost(Duration.ofSeconds(15)).until(() -> circuitState("changelly").equals("HALF_OPEN"));
        HttpResponse<String> trial = bundle.post("/api/v1/addresses/validate", VALIDATE);
        assertThat(trial.statusCode()).as(trial.body()).isEqualTo(200);
        assertThat(circuitState("changelly")).isEqualTo("CLOSED");

        HttpResponse<String> created = bundle.raw("POST", "/api/v1/offramp/orders", order.getBytes(StandardCharsets.UTF_8), Map.of(
                "Content-Type", "application/json", "X-API-Key", Bundle.API_KEY, "Idempotency-Key", "circuit-key-1"));
        assertThat(created.statusCode()).as("the key of the refused request is free again: " + created.body()).isEqualTo(201);
    }
}
