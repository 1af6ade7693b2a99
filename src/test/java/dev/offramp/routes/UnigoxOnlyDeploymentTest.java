package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A business that has signed Unigox only (OFFRAMP_CHANGELLY_ENABLED=false): the Unigox playbook works,
 * every Changelly operation answers 409 upstream_disabled, the Changelly callback path 404, and offers,
 * reconciliation and readiness leave Changelly out. Nothing is ever sent to Changelly.
 */
@ExtendWith(UnigoxContractExtension.class)
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18341", "offramp.management-port=19341",
            "offramp.db.url=jdbc:h2:mem:unigox-only;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "offramp.reconcile.enabled=false",
            "offramp.changelly.enabled=false",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.retry.backoff-ms=20"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnigoxOnlyDeploymentTest {

    static final String SELL_ORDER = "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\","
            + "\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\","
            + "\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\",\"user_id\":\"%s\"}";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    SingleUpstream deployment;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        deployment = new SingleUpstream(bundle);
        playbook = new UnigoxPlaybook(bundle);
        // the start-up registration runs in the background and may not have reached the simulator yet
        org.assertj.core.api.Assertions.assertThat(bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theUnigoxPlaybookWorksAndOffersHaveNoChangellyEntry() throws Exception {
        List<JsonNode> offers = deployment.offers("currency_from=USDT&currency_to=EUR&amount_from=100&country=DE");
        assertThat(offers).isNotEmpty().allSatisfy(o -> assertThat(o.get("via").asText()).isEqualTo("unigox"));
        assertThat(offers).anySatisfy(o -> assertThat(o.has("payout_amount")).isTrue());

        // user, KYC submission, documents, verification, payout details: every Unigox onboarding operation
        Map<String, String> user = playbook.onboardedUser();
        assertThat(deployment.ok(bundle.get("/api/v1/users/" + user.get("user_id") + "/payment-details"), 200).toString())
                .contains(user.get("payment_details_id"));
        JsonNode order = playbook.order(playbook.quote(user, "50"));
        assertThat(order.get("provider").asText()).isEqualTo("unigox");
        assertThat(order.get("status").asText()).isEqualTo("created");
    }

    @Test
    void everyChangellyOperationAnswersUpstreamDisabled() throws Exception {
        deployment.assertDisabled(bundle.get("/api/v1/countries"), "changelly");
        deployment.assertDisabled(bundle.get("/api/v1/currencies?type=crypto"), "changelly");
        deployment.assertDisabled(bundle.get("/api/v1/providers"), "changelly");
        deployment.assertDisabled(bundle.post("/api/v1/addresses/validate",
                "{\"currency\":\"ETH\",\"wallet_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\"}"), "changelly");

        String userId = bundle.insertUser("unigox-only-" + UUID.randomUUID());
        long orders = deployment.count("SELECT COUNT(*) AS n FROM orders");
        deployment.assertDisabled(bundle.post("/api/v1/offramp/orders", SELL_ORDER.formatted(userId)), "changelly");
        assertThat(deployment.count("SELECT COUNT(*) AS n FROM orders")).as("nothing half-written").isEqualTo(orders);

        // a test order of the time Changelly was on: still readable, its sandbox actions refused
        String changellyOrder = bundle.createOrder("changelly", "created");
        deployment.assertDisabled(bundle.post("/api/v1/orders/" + changellyOrder + "/sandbox/status", "{\"status\":\"pending\"}"), "changelly");
        deployment.assertDisabled(bundle.post("/api/v1/orders/" + changellyOrder + "/sandbox/resend-callback", null), "changelly");
        JsonNode read = deployment.ok(bundle.get("/api/v1/orders/" + changellyOrder), 200);
        assertThat(read.get("provider").asText()).isEqualTo("changelly");
        assertThat(deployment.ok(bundle.get("/api/v1/orders?limit=100"), 200).toString()).contains(changellyOrder);
    }

    @Test
    void theChangellyCallbackPathIs404AndStoresNothing() throws Exception {
        deployment.assertWebhookPathGone("changelly");
    }

    @Test
    void reconciliationSkipsChangellyAndCompletes() throws Exception {
        bundle.createOrder("changelly", "pending");
        JsonNode run = deployment.reconciliationRun();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
        assertThat(run.get("errors").asInt()).isZero();
    }

    @Test
    void readinessListsUnigoxOnlyAndTheWebhookIsRegisteredAtStartUp() throws Exception {
        JsonNode circuits = deployment.circuitsReadiness();
        assertThat(circuits.has("unigox.circuit")).as(circuits.toString()).isTrue();
        assertThat(circuits.has("changelly.circuit")).as(circuits.toString()).isFalse();
        assertThat(context.getRoute("unigox-webhook-register-on-startup")).isNotNull();
    }

    /** After everything the tests above did: not one call to Changelly was ever made (none was timed). */
    @AfterAll
    void nothingWasEverSentToChangelly() throws Exception {
        assertThat(new Bundle(context).metrics()).contains("upstream=\"unigox\"").doesNotContain("upstream=\"changelly\"");
    }
}
