package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Changelly sell flow through the bundle's own API, against the in-bundle simulator over real
 * HTTP: every request really signed and verified, callbacks really signed and confirmed by a fetch.
 * The simulator's clock is off: the test moves orders with its control endpoints.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18183", "offramp.management-port=19183",
            "offramp.db.url=jdbc:h2:mem:changelly-flow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            // failures are driven on purpose here: the breakers stay closed (CircuitBreakerTest covers them)
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000",
            "sandbox.changelly.step-seconds=0", "sandbox.unigox.step-seconds=0",
            "changelly.response-timeout-ms=1500", "changelly.retry.backoff-ms=50"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
@ExtendWith(OffRampApiContractExtension.class)
class ChangellyFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REFUND_ADDRESS = "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227";

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        bundle.raw("POST", "/sandbox/changelly/_sandbox/reset", "{}".getBytes(), Map.of("Content-Type", "application/json"));
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    JsonNode sandbox(String method, String path, String body) throws Exception {
        return bundle.changellySandbox(method, path, body);
    }

    /** Every key of a JSON object and of the objects inside it. */
    static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                keys.add(f.getKey());
                keys.addAll(keys(f.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(item -> keys.addAll(keys(item)));
        }
        return keys;
    }

    String sellOrderBody(String userId) {
        return "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\","
                + "\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"" + REFUND_ADDRESS + "\",\"user_id\":\"" + userId + "\"}";
    }

    @Test
    void wholeSellFlowFromCatalogueToCompletedOrder() throws Exception {
        JsonNode countries = json(bundle.get("/api/v1/countries"));
        assertThat(countries.findValuesAsText("code")).contains("IT", "DE");
        JsonNode currencies = json(bundle.get("/api/v1/currencies"));
        assertThat(currencies.findValuesAsText("ticker")).contains("ETH", "EUR");

        HttpResponse<String> offersResponse = bundle.get("/api/v1/offramp/offers?currency_from=ETH&currency_to=EUR&amount_from=0.1&country=IT");
        assertThat(offersResponse.statusCode()).as(offersResponse.body()).isEqualTo(200);
        JsonNode offers = json(offersResponse).get("offers");
        List<JsonNode> priced = new java.util.ArrayList<>();
        offers.forEach(o -> {
            if (o.has("payout_amount")) {
                priced.add(o);
            }
        });
        assertThat(priced).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < priced.size(); i++) {
            assertThat(new BigDecimal(priced.get(i - 1).get("payout_amount").asText()))
                    .isGreaterThanOrEqualTo(new BigDecimal(priced.get(i).get("payout_amount").asText()));
        }
        assertThat(priced.get(0).get("via").asText()).isEqualTo("changelly");
        assertThat(priced.get(0).get("payout_amount").isTextual()).isTrue();
        assertThat(offers.findParents("error")).as("the provider that cannot offer stays, with its reason")
                .anySatisfy(e -> assertThat(e.get("error").get("code").asText()).isEqualTo("limits"));

        JsonNode providers = json(bundle.get("/api/v1/providers"));
        assertThat(providers.findValuesAsText("code")).contains("moonpay");
        // one shape everywhere: the catalogue answers snake_case, not Changelly's camelCase
        assertThat(providers.get(0).has("trust_pilot_rating")).isTrue();
        assertThat(providers.get(0).has("icon_url")).isTrue();
        assertThat(countries.get(0).get("providers").get(0).has("provider_code")).isTrue();
        assertThat(countries.get(0).get("providers").get(0).get("supported_flows")).extracting(JsonNode::asText).contains("sell");
        assertThat(currencies.get(0).has("icon_colored_url")).isTrue();
        assertThat(currencies.get(0).has("extra_id_name")).isTrue();
        for (JsonNode list : List.of(countries, currencies, providers)) {
            list.forEach(item -> assertThat(keys(item)).as(item.toString()).allMatch(k -> k.matches("[a-z0-9_]+")));
        }

        JsonNode valid = json(bundle.post("/api/v1/addresses/validate", "{\"currency\":\"ETH\",\"wallet_address\":\"" + REFUND_ADDRESS + "\"}"));
        assertThat(valid.get("valid").asBoolean()).isTrue();
        JsonNode invalid = json(bundle.post("/api/v1/addresses/validate", "{\"currency\":\"ETH\",\"wallet_address\":\"not-an-address\"}"));
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(invalid.get("invalid_field").asText()).isEqualTo("wallet_address");

        String userId = bundle.insertUser("changelly-user-1");
        HttpResponse<String> created = bundle.post("/api/v1/offramp/orders", sellOrderBody(userId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json(created);
        String orderId = order.get("id").asText();
        String changellyId = order.get("provider_order_id").asText();
        assertThat(order.get("provider").asText()).isEqualTo("changelly");
        assertThat(order.get("redirect_url").asText()).contains(changellyId);
        assertThat(order.get("status").asText()).isEqualTo("created");
        assertThat(order.get("user_id").asText()).isEqualTo(userId);
        // our ids travel upstream as externalOrderId / externalUserId
        JsonNode upstream = sandboxOrder(changellyId);
        assertThat(upstream.get("externalOrderId").asText()).isEqualTo(orderId);
        assertThat(order.has("next_action")).isFalse();
        assertThat(upstream.get("externalUserId").asText()).isEqualTo(userId);

        sandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        awaitStatus(orderId, "pending");
        // the payout the order expects: Changelly's payoutAmount as read when the callback was confirmed
        // (the creation answer carries none), with its currency
        JsonNode pending = json(bundle.get("/api/v1/orders/" + orderId));
        assertThat(new java.math.BigDecimal(pending.get("expected_payout").get("amount").asText()))
                .isEqualByComparingTo(upstream.get("payoutAmount").asText());
        assertThat(pending.get("expected_payout").get("currency").asText()).isEqualTo(upstream.get("currencyTo").asText());
        sandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        awaitStatus(orderId, "complete");

        JsonNode done = json(bundle.get("/api/v1/orders/" + orderId));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("final").asBoolean()).isTrue();
        // recorded before the creation was sent, then confirmed by Changelly's answer, then the callbacks
        assertThat(done.get("timeline").findValuesAsText("to")).containsExactly("creation_unconfirmed", "created", "pending", "complete");
        assertThat(done.get("timeline").findValuesAsText("source")).containsExactly("api", "api", "webhook", "webhook");
        assertThat(bundle.query("SELECT verdict FROM webhook_inbox WHERE provider = 'changelly' AND order_ref = ? ORDER BY id", changellyId))
                .extracting(r -> r.get("verdict")).containsExactly("applied", "applied");
    }

    @Test
    void aCallbackClaimingAnUnconfirmedStatusLoses() throws Exception {
        String orderId = createOrder();
        String changellyId = providerOrderId(orderId);
        sandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");
        awaitStatus(orderId, "pending");

        sandbox("POST", "/_sandbox/callbacks/lie", "{\"orderId\":\"" + changellyId + "\",\"status\":\"complete\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> bundle.query(
                "SELECT * FROM webhook_inbox WHERE provider = 'changelly' AND order_ref = ?", changellyId).size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> bundle.query(
                "SELECT * FROM webhook_inbox WHERE provider = 'changelly' AND order_ref = ? AND processed_at IS NULL", changellyId).isEmpty());
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("pending");
        List<Map<String, Object>> lie = bundle.query(
                "SELECT verdict, verdict_reason FROM webhook_inbox WHERE provider = 'changelly' AND order_ref = ? ORDER BY id DESC", changellyId);
        assertThat((String) lie.get(0).get("verdict_reason")).contains("confirmed pending").contains("claimed complete");
    }

    @Test
    void callbacksWithABadSignatureAre401AndChangeNothing() throws Exception {
        String orderId = createOrder();
        String changellyId = providerOrderId(orderId);
        byte[] body = ("{\"orderId\":\"" + changellyId + "\",\"status\":\"complete\"}").getBytes(StandardCharsets.UTF_8);
        String someoneElsesSignature = java.util.Base64.getEncoder().encodeToString(new byte[256]);

        HttpResponse<String> forged = bundle.raw("POST", "/webhooks/changelly", body,
                Map.of("Content-Type", "application/json", "x-callback-signature", someoneElsesSignature));
        HttpResponse<String> unsigned = bundle.raw("POST", "/webhooks/changelly", body, Map.of("Content-Type", "application/json"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(forged).get("error").get("code").asText()).isEqualTo("invalid_signature");
        assertThat(bundle.query("SELECT * FROM webhook_inbox WHERE provider = 'changelly' AND order_ref = ?", changellyId)).isEmpty();
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("created");
    }

    @Test
    void sandboxStatusChangeThroughTheBundleApi() throws Exception {
        String orderId = createOrder();

        HttpResponse<String> held = bundle.post("/api/v1/orders/" + orderId + "/sandbox/status", "{\"status\":\"hold\"}");

        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        assertThat(json(held).get("status").asText()).isEqualTo("on_hold");
        assertThat(json(held).get("provider_status").asText()).isEqualTo("hold");
        HttpResponse<String> bad = bundle.post("/api/v1/orders/" + orderId + "/sandbox/status", "{\"status\":\"teleported\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").get("field").asText()).isEqualTo("status");
    }

    @Test
    void sandboxCallbackResentThroughTheBundleApi() throws Exception {
        String orderId = createOrder();

        HttpResponse<String> resent = bundle.post("/api/v1/orders/" + orderId + "/sandbox/resend-callback", null);

        // Changelly's answer as it came (the contract's UpstreamAnswer); the callback then arrives as any other
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        assertThat(json(resent).isObject()).isTrue();
        assertThat(bundle.post("/api/v1/orders/" + java.util.UUID.randomUUID() + "/sandbox/resend-callback", null).statusCode()).isEqualTo(404);
    }

    @Test
    void readsAreRetriedOn429HonouringRetryAfter() throws Exception {
        sandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/sell/offers\",\"status\":429,\"count\":2,\"retryAfter\":0}");

        HttpResponse<String> offers = bundle.get("/api/v1/offramp/offers?currency_from=ETH&currency_to=EUR&amount_from=0.1&country=IT");

        assertThat(offers.statusCode()).as(offers.body()).isEqualTo(200);
        assertThat(json(offers).get("offers").get(0).has("payout_amount")).isTrue();
    }

    static final String VALIDATE = "{\"currency\":\"ETH\",\"wallet_address\":\"" + REFUND_ADDRESS + "\"}";

    @Test
    void persistent5xxOnAReadIsA502WithTheUpstreamKept() throws Exception {
        sandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/validate-address\",\"status\":500,\"count\":10}");

        HttpResponse<String> providers = bundle.post("/api/v1/addresses/validate", VALIDATE);

        assertThat(providers.statusCode()).isEqualTo(502);
        JsonNode error = json(providers).get("error");
        assertThat(error.get("code").asText()).isEqualTo("upstream_error");
        assertThat(error.get("upstream").get("provider").asText()).isEqualTo("changelly");
        assertThat(error.get("upstream").get("status").asInt()).isEqualTo(500);
    }

    @Test
    void aReadThatNeverAnswersIsA504AfterItsRetries() throws Exception {
        sandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/validate-address\",\"delayMs\":2500,\"count\":4}");

        HttpResponse<String> r = bundle.post("/api/v1/addresses/validate", VALIDATE);

        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("upstream_timeout");
    }

    @Test
    void orderCreationIsNeverRepeatedA500LeavesTheOrderUnconfirmed() throws Exception {
        String userId = bundle.insertUser("changelly-user-" + UUID.randomUUID());
        sandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/sell/orders\",\"status\":500,\"count\":1}");

        HttpResponse<String> uncertain = bundle.post("/api/v1/offramp/orders", sellOrderBody(userId));

        // a 500 may come after the order was made: recorded, looked up, and answered as unconfirmed
        assertThat(uncertain.statusCode()).as(uncertain.body()).isEqualTo(202);
        assertThat(json(uncertain).get("status").asText()).isEqualTo("creation_unconfirmed");
        assertThat(bundle.query("SELECT * FROM orders WHERE user_id = ?", userId)).hasSize(1);
        // exactly one creation reached the simulator: the failure was not retried
        assertThat(sandbox("GET", "/_sandbox/faults", null).toString()).doesNotContain("/v1/sell/orders");
    }

    @Test
    void aTimedOutCreationThatHappenedUpstreamIsFoundByExternalOrderId() throws Exception {
        String userId = bundle.insertUser("changelly-user-" + UUID.randomUUID());
        // the simulator creates the order but answers after our 1.5 s timeout
        sandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/sell/orders\",\"delayMs\":2500,\"count\":1}");

        HttpResponse<String> created = bundle.post("/api/v1/offramp/orders", sellOrderBody(userId));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = json(created);
        assertThat(order.get("redirect_url").asText()).isNotBlank();
        JsonNode upstream = sandboxOrder(order.get("provider_order_id").asText());
        assertThat(upstream.get("externalOrderId").asText()).isEqualTo(order.get("id").asText());
        assertThat(bundle.query("SELECT * FROM orders WHERE user_id = ?", userId)).hasSize(1);
    }

    @Test
    void badOfferParametersAre400NamingTheParameter() throws Exception {
        assertThat(json(bundle.get("/api/v1/offramp/offers?currency_from=ETH&currency_to=EUR&amount_from=-1&country=IT"))
                .get("error").get("field").asText()).isEqualTo("amount_from");
        assertThat(json(bundle.get("/api/v1/offramp/offers?currency_from=ETH&currency_to=EUR&amount_from=1&country=Italy"))
                .get("error").get("field").asText()).isEqualTo("country");
        assertThat(json(bundle.get("/api/v1/offramp/offers?currency_to=EUR&amount_from=1&country=IT"))
                .get("error").get("field").asText()).isEqualTo("currency_from");
    }

    private String createOrder() throws Exception {
        String userId = bundle.insertUser("changelly-user-" + UUID.randomUUID());
        HttpResponse<String> created = bundle.post("/api/v1/offramp/orders", sellOrderBody(userId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private String providerOrderId(String orderId) throws Exception {
        return (String) bundle.orderRow(orderId).get("provider_order_id");
    }

    /** The order as the simulator holds it, read through the signed Fiat API path of the bundle's own client. */
    private JsonNode sandboxOrder(String changellyId) throws Exception {
        List<Map<String, Object>> rows = bundle.query("SELECT id FROM orders WHERE provider_order_id = ?", changellyId);
        assertThat(rows).hasSize(1);
        JsonNode callbacks = sandbox("GET", "/_sandbox/callbacks", null);
        org.apache.camel.ProducerTemplate template = context.createProducerTemplate();
        org.apache.camel.Exchange ex = template.send("direct:changelly-call", e -> {
            e.setVariable("changellyMethod", "GET");
            e.setVariable("changellyPath", "/v1/orders");
            e.setVariable("changellyQuery", Map.of("orderId", changellyId));
            e.getMessage().setBody(null);
        });
        assertThat(ex.getException()).isNull();
        return JSON.valueToTree(ex.getMessage().getBody()).get("orders").get(0);
    }

    private void awaitStatus(String orderId, String providerStatus) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo(providerStatus));
    }
}
