package dev.offramp.routes;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Unigox failing in the ways its simulator can be told to (POST /_sandbox/faults): 500s, 429 with
 * Retry-After, responses that never come and bodies that are not JSON, on repeat-safe and on unsafe
 * calls; and the Unigox circuit opening during an outage and closing by itself. Counts of the calls
 * the simulator received show what was retried and what was not.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18196", "offramp.management-port=19196",
            "offramp.db.url=jdbc:h2:mem:unigox-sim-faults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0", "unigox.webhook.register-on-startup=false",
            "unigox.response-timeout-ms=600", "unigox.retry.backoff-ms=20",
            "unigox.circuit.window-size=6", "unigox.circuit.minimum-calls=6",
            "unigox.circuit.open-ms=1500", "unigox.circuit.half-open-calls=1"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(UnigoxContractExtension.class)
class UnigoxSimulatorFaultsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        sim("POST", "/_sandbox/faults/clear", "{}");
        sim("POST", "/_sandbox/stats/reset", "{}");
        // each test starts with a closed breaker: the failures of one test are not the next one's
        context.getRegistry().lookupByNameAndType("unigoxCircuitBreaker",
                io.github.resilience4j.circuitbreaker.CircuitBreaker.class).reset();
    }

    JsonNode sim(String method, String path, String body) throws Exception {
        return new UnigoxPlaybook(bundle).sim(method, path, body);
    }

    int callsTo(String methodAndPath) throws Exception {
        JsonNode count = sim("GET", "/_sandbox/stats", null).get("data").get("paths").get(methodAndPath);
        return count == null ? 0 : count.asInt();
    }

    JsonNode error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error");
    }

    /** Our user, not linked to Unigox yet (creating it calls no upstream): its id. */
    String localUser(String ref) throws Exception {
        HttpResponse<String> r = bundle.post("/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** A first need of Unigox for our user, which links the Unigox account (create-or-get) before its own call. */
    HttpResponse<String> link(String userId) throws Exception {
        return bundle.get("/api/v1/users/" + userId + "/payment-details");
    }

    /** A user known to both sides: local id and Unigox uuid. */
    Map<String, String> user() throws Exception {
        String ref = "fault-" + UUID.randomUUID();
        String id = localUser(ref);
        HttpResponse<String> linked = link(id);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        String uuid = bundle.query("SELECT unigox_user_uuid FROM users WHERE id = ?", id).get(0).get("unigox_user_uuid").toString();
        sim("POST", "/_sandbox/stats/reset", "{}");
        return Map.of("id", id, "uuid", uuid, "ref", ref);
    }

    @Test
    @Order(1)
    void aRepeatSafeCallOutlivesPassing500s() throws Exception {
        String userId = localUser("retried-" + UUID.randomUUID());
        sim("POST", "/_sandbox/faults", "{\"path\":\"/users\",\"method\":\"POST\",\"status\":500,\"count\":2}");

        // the link is Unigox's create-or-get, repeat-safe
        HttpResponse<String> r = link(userId);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(callsTo("POST /users")).as("two failures, then the answer").isEqualTo(3);
    }

    @Test
    @Order(2)
    void aTooManyRequestsIsWaitedOutAsRetryAfterAsks() throws Exception {
        Map<String, String> user = user();
        String path = "/users/" + user.get("uuid") + "/verification-status";
        sim("POST", "/_sandbox/faults", "{\"path\":\"" + path + "\",\"status\":429,\"retryAfter\":1,\"count\":1}");

        long start = System.nanoTime();
        HttpResponse<String> r = bundle.get("/api/v1/users/" + user.get("id") + "/verification-status");
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(callsTo("GET " + path)).isEqualTo(2);
        assertThat(waitedMillis).as("the second attempt came after Retry-After, not after the 20 ms backoff").isGreaterThanOrEqualTo(950);
    }

    @Test
    @Order(3)
    void anUnsafeCallIsNeverRepeated() throws Exception {
        Map<String, String> user = user();
        String path = "/users/" + user.get("uuid") + "/kyc-submissions";
        // 503 with Retry-After: what an HTTP client library would re-send by itself, POST or not
        sim("POST", "/_sandbox/faults", "{\"path\":\"" + path + "\",\"status\":503,\"retryAfter\":1,\"count\":3}");

        HttpResponse<String> r = bundle.post("/api/v1/users/" + user.get("id") + "/kyc-submissions",
                "{\"method\":\"direct_data\",\"data\":{\"pii\":{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"country_code\":\"DE\",\"dob\":\"1990-01-01\"}}}");

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(error(r).get("upstream").get("provider").asText()).isEqualTo("unigox");
        assertThat(callsTo("POST " + path)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aResponseThatNeverComesIsA504AfterTheRetries() throws Exception {
        String userId = localUser("slow-" + UUID.randomUUID());
        sim("POST", "/_sandbox/faults", "{\"path\":\"/users\",\"method\":\"POST\",\"delayMs\":1500,\"count\":4}");

        HttpResponse<String> r = link(userId);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
        assertThat(error(r).get("code").asText()).isEqualTo("upstream_timeout");
        assertThat(callsTo("POST /users")).isEqualTo(4);
        assertThat(bundle.query("SELECT unigox_user_uuid FROM users WHERE id = ?", userId).get(0).get("unigox_user_uuid")).isNull();
    }

    @Test
    @Order(5)
    void aBodyThatIsNotJsonIsA502AndNothingIsWritten() throws Exception {
        String ref = "malformed-" + UUID.randomUUID();
        String userId = localUser(ref);
        sim("POST", "/_sandbox/faults", "{\"path\":\"/users\",\"method\":\"POST\",\"malformed\":true,\"count\":1}");

        HttpResponse<String> r = link(userId);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(r.body()).doesNotContain("tru\"").doesNotContain("Exception");
        assertThat(bundle.query("SELECT unigox_user_uuid, unigox_linked_at, kyc_status FROM users WHERE user_ref = ?", ref).get(0))
                .as("the link is not half-written").containsEntry("unigox_user_uuid", null).containsEntry("unigox_linked_at", null)
                .containsEntry("kyc_status", null);
    }

    @Test
    @Order(6)
    void anOutageOpensTheUnigoxCircuitWhichClosesByItselfOnceUnigoxIsBack() throws Exception {
        Map<String, String> user = user();
        sim("POST", "/_sandbox/faults", "{\"path\":\"*\",\"status\":503,\"count\":1000}");

        // repeat-safe reads: each is up to four attempts; the breaker opens within the window of six
        HttpResponse<String> r = null;
        for (int i = 0; i < 3; i++) {
            r = bundle.get("/api/v1/users/" + user.get("id") + "/verification-status");
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(error(r).get("code").asText()).isEqualTo("upstream_circuit_open");
        int callsWhileOpen = callsTo("GET /users/" + user.get("uuid") + "/verification-status");
        assertThat(bundle.get("/api/v1/users/" + user.get("id") + "/verification-status").statusCode()).isEqualTo(503);
        assertThat(callsTo("GET /users/" + user.get("uuid") + "/verification-status"))
                .as("an open circuit does not call the upstream").isEqualTo(callsWhileOpen);
        assertThat(bundle.health("/observe/health/ready?data=true")).contains("\"unigox.circuit\":\"OPEN\"");

        sim("POST", "/_sandbox/faults/clear", "{}");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                bundle.health("/observe/health/ready?data=true").contains("\"unigox.circuit\":\"HALF_OPEN\""));
        HttpResponse<String> back = bundle.get("/api/v1/users/" + user.get("id") + "/verification-status");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(bundle.health("/observe/health/ready?data=true")).contains("\"unigox.circuit\":\"CLOSED\"");
    }
}
