package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Never a second upstream order: an order creation whose answer is lost (the simulators create the
 * order and then drop or replace the answer) is recorded first, answered 202 while unconfirmed, never
 * sent again on a retry with the same Idempotency-Key, and resolved by our own reference: at once, or by
 * reconciliation; never found in time, it ends failed with the reason in its timeline. Both upstreams,
 * through the bundle's API and database and the simulators' own records.
 */
@ExtendWith(UnigoxContractExtension.class)
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18360", "offramp.management-port=19360",
            "offramp.db.url=jdbc:h2:mem:uncertain-creation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000",
            "sandbox.changelly.step-seconds=0", "sandbox.unigox.step-seconds=0",
            "unigox.retry.backoff-ms=20", "changelly.retry.backoff-ms=20",
            "offramp.orders.lost-answer-lookup.attempts=2", "offramp.orders.lost-answer-lookup.interval-ms=50"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
class UncertainOrderCreationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REFUND_ADDRESS = "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        playbook = new UnigoxPlaybook(bundle);
        playbook.sim("POST", "/_sandbox/faults/clear", "{}");
        // the start-up registration runs on a timer and may not have reached the simulator yet
        assertThat(bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(200);
        bundle.changellySandbox("POST", "/_sandbox/reset", "{}");
    }

    // --- Unigox ---------------------------------------------------------------------------------------

    @Test
    void aLostUnigoxAnswerIsFoundAtOnceByReferenceIdAndNeverSentAgain() throws Exception {
        String quoteId = playbook.quote(playbook.onboardedUser(), "100");
        // Unigox creates the order, then the answer is lost behind a 502
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"/offramp/initiate\",\"method\":\"POST\",\"status\":502,\"afterProcessing\":true}");
        int initiatesBefore = initiates();

        HttpResponse<String> created = createUnigox(quoteId, "key-" + UUID.randomUUID());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = JSON.readTree(created.body());
        assertThat(order.get("provider_order_id").asText()).isNotBlank();
        assertThat(order.get("status").asText()).isIn("created", "awaiting_action", "processing");
        assertThat(initiates() - initiatesBefore).isEqualTo(1);
        assertThat(unigoxOrdersReferencing(order.get("id").asText())).containsExactly(order.get("provider_order_id").asText());
        assertThat(order.get("timeline").findValuesAsText("to")).startsWith("creation_unconfirmed");
    }

    @Test
    void aLostUnigoxAnswerIsFoundOnALaterPageOfTheOrderList() throws Exception {
        // a hundred older orders at Unigox: its list is oldest first, so ours is past page 1 (limit 100)
        int seed = ThreadLocalRandom.current().nextInt(0x1000_0000, 0x7fff_ffff);
        playbook.sim("POST", "/_sandbox/orders/bulk", "{\"count\":100,\"status\":\"completed\",\"seed\":" + seed + "}");
        String quoteId = playbook.quote(playbook.onboardedUser(), "100");
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"/offramp/initiate\",\"method\":\"POST\",\"status\":502,\"afterProcessing\":true}");

        HttpResponse<String> created = createUnigox(quoteId, "key-" + UUID.randomUUID());

        // found at once: the lookup went on to the next page instead of giving up or reading page 1 again
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = JSON.readTree(created.body());
        assertThat(unigoxOrdersReferencing(order.get("id").asText())).containsExactly(order.get("provider_order_id").asText());
    }

    @Test
    void anUnconfirmedUnigoxOrderIsAnswered202KeptUnderItsKeyAndAdoptedByReconciliation() throws Exception {
        String quoteId = playbook.quote(playbook.onboardedUser(), "100");
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"/offramp/initiate\",\"method\":\"POST\",\"status\":502,\"afterProcessing\":true}");
        // and the immediate lookups cannot read the order list either
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"/orders\",\"method\":\"GET\",\"status\":503,\"count\":2}");
        int initiatesBefore = initiates();
        String key = "key-" + UUID.randomUUID();

        HttpResponse<String> first = createUnigox(quoteId, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode order = JSON.readTree(first.body());
        String orderId = order.get("id").asText();
        assertThat(order.get("status").asText()).isEqualTo("creation_unconfirmed");
        assertThat(order.get("provider_order_id").isNull()).isTrue();

        HttpResponse<String> retry = createUnigox(quoteId, key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body()).get("id").asText()).isEqualTo(orderId);
        assertThat(initiates() - initiatesBefore).as("the creation is never sent again").isEqualTo(1);
        assertThat(bundle.query("SELECT id FROM orders WHERE provider = 'unigox' AND id = ?", orderId)).hasSize(1);

        assertThat(runReconciliation().get("status")).isEqualTo("completed");

        Map<String, Object> row = bundle.orderRow(orderId);
        assertThat(unigoxOrdersReferencing(orderId)).containsExactly((String) row.get("provider_order_id"));
        assertThat(row.get("provider_status")).isNotEqualTo("creation_unconfirmed");
        JsonNode upstream = playbook.sim("GET", "/api/v1/partner/orders/" + row.get("provider_order_id"), null).get("data");
        assertThat(row.get("provider_status")).isEqualTo(upstream.get("status").asText());
        assertThat(initiates() - initiatesBefore).isEqualTo(1);
    }

    @Test
    void aUnigoxOrderNeverFoundEndsFailedWithTheReasonInItsTimeline() throws Exception {
        String orderId = unigoxOrderNeverCreated();

        // within its time: looked for, not given up
        runReconciliation();
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("creation_unconfirmed");

        bundle.execute("UPDATE orders SET created_at = created_at - INTERVAL '31' MINUTE WHERE id = ?", orderId);
        runReconciliation();

        JsonNode failed = JSON.readTree(bundle.get("/api/v1/orders/" + orderId).body());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        JsonNode last = failed.get("timeline").get(failed.get("timeline").size() - 1);
        assertThat(last.get("source").asText()).isEqualTo("reconciliation");
        assertThat(last.get("reason").asText()).contains("never showed this order within 30 minutes");
        assertThat(unigoxOrdersReferencing(orderId)).isEmpty();
    }

    @Test
    void anUnconfirmedUnigoxOrderPastItsTimeIsNotGivenUpWhileItsListCannotBeRead() throws Exception {
        String orderId = unigoxOrderNeverCreated();
        bundle.execute("UPDATE orders SET created_at = created_at - INTERVAL '31' MINUTE WHERE id = ?", orderId);

        // past its time, but Unigox's order list cannot be read: not knowing is not "never shown"
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"/orders\",\"method\":\"GET\",\"status\":503,\"count\":100}");
        Map<String, Object> run = runReconciliation();

        assertThat(((Number) run.get("errors")).intValue()).isPositive();
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("creation_unconfirmed");

        // readable again, and still not there: now it is given up
        playbook.sim("POST", "/_sandbox/faults/clear", "{}");
        runReconciliation();
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("failed");
    }

    @Test
    void aRefusedCreationLeavesNothingAndFreesItsKey() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        String quoteId = playbook.quote(user, "100");
        assertThat(createUnigox(quoteId, "key-" + UUID.randomUUID()).statusCode()).isEqualTo(201);
        String key = "key-" + UUID.randomUUID();

        // the quote is single use: Unigox refuses the second initiate
        HttpResponse<String> refused = createUnigox(quoteId, key);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(bundle.query("SELECT id FROM orders WHERE user_id = ?", user.get("user_id"))).hasSize(1);
        assertThat(bundle.query("SELECT * FROM idempotency_keys WHERE idempotency_key = ?", key)).isEmpty();
        assertThat(bundle.query("SELECT * FROM order_timeline t WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = t.order_id)")).isEmpty();
    }

    // --- Changelly ------------------------------------------------------------------------------------

    @Test
    void aLostChangellyAnswerIsFoundAtOnceByExternalOrderId() throws Exception {
        String userId = bundle.insertUser("changelly-" + UUID.randomUUID());
        bundle.changellySandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/sell/orders\",\"status\":500,\"afterProcessing\":true}");

        HttpResponse<String> created = createChangelly(userId, "key-" + UUID.randomUUID());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = JSON.readTree(created.body());
        assertThat(order.get("redirect_url").asText()).contains(order.get("provider_order_id").asText());
        assertThat(changellyOrdersReferencing(order.get("id").asText())).containsExactly(order.get("provider_order_id").asText());
    }

    @Test
    void anUnconfirmedChangellyOrderIsKeptUnderItsKeyAndResolvedByReconciliation() throws Exception {
        String userId = bundle.insertUser("changelly-" + UUID.randomUUID());
        bundle.changellySandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/sell/orders\",\"status\":500,\"afterProcessing\":true}");
        // the lookups fail too (every attempt of each, with their retries)
        bundle.changellySandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/orders\",\"status\":500,\"count\":8}");
        String key = "key-" + UUID.randomUUID();

        HttpResponse<String> first = createChangelly(userId, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        String orderId = JSON.readTree(first.body()).get("id").asText();
        assertThat(JSON.readTree(first.body()).get("status").asText()).isEqualTo("creation_unconfirmed");

        HttpResponse<String> retry = createChangelly(userId, key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(JSON.readTree(retry.body()).get("id").asText()).isEqualTo(orderId);

        // whatever is left of the lookup failure is replaced by a harmless 1 ms delay (arming a path replaces it)
        bundle.changellySandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/orders\",\"delayMs\":1,\"count\":1}");
        runReconciliation();

        Map<String, Object> row = bundle.orderRow(orderId);
        assertThat(row.get("provider_status")).isEqualTo("created");
        assertThat(changellyOrdersReferencing(orderId)).containsExactly((String) row.get("provider_order_id"));
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** A Unigox creation answered 500 before anything was created (the bundle cannot know that): 202, unconfirmed. */
    private String unigoxOrderNeverCreated() throws Exception {
        String quoteId = playbook.quote(playbook.onboardedUser(), "100");
        playbook.sim("POST", "/_sandbox/faults", "{\"path\":\"/offramp/initiate\",\"method\":\"POST\",\"status\":500}");
        HttpResponse<String> first = createUnigox(quoteId, "key-" + UUID.randomUUID());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        return JSON.readTree(first.body()).get("id").asText();
    }

    private HttpResponse<String> createUnigox(String quoteId, String key) throws Exception {
        return post("{\"provider\":\"unigox\",\"quote_id\":\"" + quoteId + "\"}", key);
    }

    private HttpResponse<String> createChangelly(String userId, String key) throws Exception {
        return post("{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\","
                + "\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"" + REFUND_ADDRESS + "\",\"user_id\":\"" + userId + "\"}", key);
    }

    private HttpResponse<String> post(String body, String key) throws Exception {
        return bundle.raw("POST", "/api/v1/offramp/orders", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-API-Key", Bundle.API_KEY, "Idempotency-Key", key));
    }

    /** How many initiate requests reached the Unigox simulator so far. */
    private int initiates() throws Exception {
        JsonNode calls = playbook.sim("GET", "/_sandbox/stats", null).path("data").path("calls");
        JsonNode n = calls.get("POST /api/v1/partner/offramp/initiate");
        return n == null ? 0 : n.asInt();
    }

    /** The Unigox order ids whose reference_id is ours, read from the simulator's own order list, every page. */
    private List<String> unigoxOrdersReferencing(String orderId) throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode orders;
        int page = 1;
        do {
            orders = playbook.sim("GET", "/api/v1/partner/orders?limit=100&page=" + page++, null).get("data").get("orders");
            for (JsonNode o : orders) {
                if (orderId.equals(o.path("reference_id").asText(null))) {
                    ids.add(o.get("order_id").asText());
                }
            }
        } while (orders.size() == 100);
        return ids;
    }

    /** The Changelly order ids whose externalOrderId is ours, read through a signed GET /v1/orders. */
    private List<String> changellyOrdersReferencing(String orderId) throws Exception {
        Exchange ex = context.createProducerTemplate().send("direct:changelly-call", e -> {
            e.setVariable("changellyMethod", "GET");
            e.setVariable("changellyPath", "/v1/orders");
            e.setVariable("changellyQuery", Map.of("externalOrderId", orderId, "offset", 0, "limit", 100));
            e.getMessage().setBody(null);
        });
        assertThat(ex.getException()).isNull();
        List<String> ids = new ArrayList<>();
        for (JsonNode o : JSON.valueToTree(ex.getMessage().getBody()).get("orders")) {
            if (orderId.equals(o.path("externalOrderId").asText(null))) {
                ids.add(o.get("orderId").asText());
            }
        }
        return ids;
    }

    private Map<String, Object> runReconciliation() throws Exception {
        HttpResponse<String> started = bundle.send("POST", "/admin/reconciliation/run", null, Bundle.ADMIN_KEY);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = JSON.readTree(started.body()).get("run_id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"running".equals(bundle.query("SELECT status FROM reconciliation_runs WHERE id = ?", runId).get(0).get("status")));
        return bundle.query("SELECT * FROM reconciliation_runs WHERE id = ?", runId).get(0);
    }
}
