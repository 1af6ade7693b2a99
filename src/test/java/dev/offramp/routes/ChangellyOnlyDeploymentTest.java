package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * A business that has signed Changelly only (OFFRAMP_UNIGOX_ENABLED=false): the Changelly flow works,
 * every Unigox operation answers 409 upstream_disabled, the Unigox webhook path 404, and offers,
 * reconciliation and readiness leave Unigox out. Nothing is ever sent to Unigox.
 */
@ExtendWith(UnigoxContractExtension.class)
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18340", "offramp.management-port=19340",
            "offramp.db.url=jdbc:h2:mem:changelly-only;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "offramp.reconcile.enabled=false",
            "offramp.unigox.enabled=false",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "changelly.retry.backoff-ms=20"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangellyOnlyDeploymentTest {

    static final String REFUND_ADDRESS = "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    SingleUpstream deployment;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
        deployment = new SingleUpstream(bundle);
    }

    String sellOrderBody(String userId) {
        return "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\","
                + "\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"" + REFUND_ADDRESS + "\",\"user_id\":\"" + userId + "\"}";
    }

    @Test
    void theChangellyFlowWorksAndOffersHaveNoUnigoxEntry() throws Exception {
        JsonNode countries = deployment.ok(bundle.get("/api/v1/countries"), 200);
        assertThat(countries.findValuesAsText("code")).contains("IT");

        HttpResponse<String> offersAnswer = bundle.get("/api/v1/offramp/offers?currency_from=ETH&currency_to=EUR&amount_from=0.1&country=IT");
        List<JsonNode> offers = deployment.offers("currency_from=ETH&currency_to=EUR&amount_from=0.1&country=IT");
        assertThat(offers).isNotEmpty().allSatisfy(o -> assertThat(o.get("via").asText()).isEqualTo("changelly"));
        assertThat(offers).anySatisfy(o -> assertThat(o.has("payout_amount")).isTrue());
        assertThat(offersAnswer.headers().firstValue("Server-Timing").orElse("")).doesNotContain("unigox");

        // users belong to the business: created locally, whatever the state of Unigox
        String ref = "changelly-only-" + UUID.randomUUID();
        JsonNode user = deployment.ok(bundle.post("/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}"), 201);
        String userId = user.get("id").asText();
        JsonNode order = deployment.ok(bundle.post("/api/v1/offramp/orders", sellOrderBody(userId)), 201);
        assertThat(order.get("provider").asText()).isEqualTo("changelly");
        assertThat(order.get("status").asText()).isEqualTo("created");
        assertThat(order.get("redirect_url").asText()).isNotBlank();

        // and it completes: Changelly moves it on, its signed callbacks are confirmed by GET /v1/orders
        String changellyId = order.get("provider_order_id").asText();
        bundle.changellySandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        bundle.changellySandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.orderRow(order.get("id").asText()).get("status")).isEqualTo("completed"));
    }

    @Test
    void everyUnigoxOperationAnswersUpstreamDisabled() throws Exception {
        String userId = bundle.insertUser("changelly-only-" + UUID.randomUUID());
        String users = "/api/v1/users/" + userId;
        deployment.assertDisabled(bundle.post(users + "/kyc-submissions",
                "{\"method\":\"direct_data\",\"data\":{\"pii\":{\"first_name\":\"Ada\"}}}"), "unigox");
        String boundary = "b-" + UUID.randomUUID();
        deployment.assertDisabled(bundle.raw("POST", users + "/kyc/documents",
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\nselfie\r\n--" + boundary + "--\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "X-API-Key", Bundle.API_KEY)), "unigox");
        deployment.assertDisabled(bundle.get(users + "/verification-status"), "unigox");
        deployment.assertDisabled(bundle.post(users + "/payment-details",
                "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada\",\"iban\":\"DE89370400440532013000\"}}"), "unigox");
        deployment.assertDisabled(bundle.get(users + "/payment-details"), "unigox");
        // the payout form's reference data is Unigox's too
        deployment.assertDisabled(bundle.get("/api/v1/payout-methods?currency=EUR"), "unigox");
        deployment.assertDisabled(bundle.get("/api/v1/payout-methods"), "unigox");
        deployment.assertDisabled(bundle.get("/api/v1/payout-methods/pix/institutions"), "unigox");
        deployment.assertDisabled(bundle.get("/api/v1/payout-currencies"), "unigox");
        deployment.assertDisabled(bundle.get("/api/v1/payout-corridors"), "unigox");
        long orders = deployment.count("SELECT COUNT(*) AS n FROM orders");
        deployment.assertDisabled(bundle.post("/api/v1/offramp/quote", "{\"user_id\":\"" + userId + "\",\"payment_details_id\":\"p-1\","
                + "\"crypto_currency\":\"USDT\",\"crypto_amount\":\"100\",\"fiat_currency\":\"EUR\"}"), "unigox");
        deployment.assertDisabled(bundle.post("/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"q-1\"}"), "unigox");
        assertThat(deployment.count("SELECT COUNT(*) AS n FROM orders")).as("nothing half-written").isEqualTo(orders);

        // an order of the time Unigox was on: still readable, its actions refused
        String unigoxOrder = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        deployment.assertDisabled(bundle.get("/api/v1/orders/" + unigoxOrder + "/transfer-authorization-parameters"), "unigox");
        deployment.assertDisabled(bundle.post("/api/v1/orders/" + unigoxOrder + "/authorize-crypto-transfer", Bundle.AUTHORIZATION), "unigox");
        deployment.assertDisabled(bundle.post("/api/v1/orders/" + unigoxOrder + "/confirm-fiat-received", null), "unigox");
        deployment.assertDisabled(bundle.post("/api/v1/orders/" + unigoxOrder + "/cancel", null), "unigox");
        JsonNode read = deployment.ok(bundle.get("/api/v1/orders/" + unigoxOrder), 200);
        assertThat(read.get("provider").asText()).isEqualTo("unigox");
        assertThat(read.get("provider_status").asText()).isEqualTo("awaiting_crypto_transfer_authorization");
        assertThat(deployment.ok(bundle.get("/api/v1/orders?limit=100"), 200).toString()).contains(unigoxOrder);
        // an unknown order is still a 404, not an upstream_disabled
        assertThat(bundle.post("/api/v1/orders/" + UUID.randomUUID() + "/cancel", null).statusCode()).isEqualTo(404);

        deployment.assertDisabled(bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY), "unigox");
        deployment.assertDisabled(bundle.send("POST", "/admin/unigox/webhooks/test", null, Bundle.ADMIN_KEY), "unigox");
    }

    @Test
    void theUnigoxWebhookPathIs404AndStoresNothing() throws Exception {
        deployment.assertWebhookPathGone("unigox");
    }

    @Test
    void reconciliationSkipsUnigoxAndCompletes() throws Exception {
        bundle.createOrder("unigox", "created");
        JsonNode run = deployment.reconciliationRun();
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
        assertThat(run.get("errors").asInt()).isZero();
    }

    @Test
    void readinessListsChangellyOnlyAndNoRegistrationWithUnigoxAtStartUp() throws Exception {
        JsonNode circuits = deployment.circuitsReadiness();
        assertThat(circuits.has("changelly.circuit")).as(circuits.toString()).isTrue();
        assertThat(circuits.has("unigox.circuit")).as(circuits.toString()).isFalse();
        assertThat(context.getRoute("unigox-webhook-register-on-startup")).as("no start-up registration with Unigox").isNull();
    }

    /** After everything the tests above did: not one call to Unigox was ever made (none was timed). */
    @AfterAll
    void nothingWasEverSentToUnigox() throws Exception {
        assertThat(new Bundle(context).metrics()).contains("upstream=\"changelly\"").doesNotContain("upstream=\"unigox\"");
    }
}
