package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One off-ramp across both upstreams: the offers fan-out, and order creation made safe to retry. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18186", "offramp.management-port=19186",
            "offramp.db.url=jdbc:h2:mem:offers-orders;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key,second-api-key", "offramp.admin-keys=test-admin-key",
            // failures are driven on purpose here: the breakers stay closed (CircuitBreakerTest covers them)
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "offers.unigox.timeout-ms=2500", "offers.changelly.timeout-ms=2500", "changelly.retry.backoff-ms=20"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
@ExtendWith(OffRampApiContractExtension.class)
class OffersAndIdempotentOrdersTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OFFERS = "/api/v1/offramp/offers?currency_from=USDT&currency_to=EUR&amount_from=100&country=DE";

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        control("unigox", "/_sandbox/reset", "{}");
        control("changelly", "/_sandbox/reset", "{}");
        bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
    }

    void control(String sim, String path, String body) throws Exception {
        HttpResponse<String> r = bundle.raw("POST", "/sandbox/" + sim + path, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-API-Key", "sandbox-" + sim + "-key"));
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    static List<JsonNode> priced(JsonNode answer) {
        List<JsonNode> offers = new ArrayList<>();
        answer.get("offers").forEach(o -> {
            if (o.has("payout_amount")) {
                offers.add(o);
            }
        });
        return offers;
    }

    static List<JsonNode> errors(JsonNode answer) {
        List<JsonNode> errors = new ArrayList<>();
        answer.get("offers").forEach(o -> {
            if (o.has("error")) {
                errors.add(o);
            }
        });
        return errors;
    }

    @Test
    void offersFromBothUpstreamsInOneShapeBestPayoutFirst() throws Exception {
        HttpResponse<String> r = bundle.get(OFFERS);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        List<JsonNode> offers = priced(answer);
        assertThat(offers).extracting(o -> o.get("via").asText()).contains("unigox", "changelly");
        for (JsonNode o : offers) {
            assertThat(o.get("payout_amount").isTextual()).as("decimal strings, never floats").isTrue();
            assertThat(o.get("rate").isTextual()).isTrue();
            assertThat(o.has("payment_methods") && o.has("firm") && o.has("expires_at") && o.has("provider")).isTrue();
        }
        for (int i = 1; i < offers.size(); i++) {
            assertThat(new BigDecimal(offers.get(i - 1).get("payout_amount").asText()))
                    .isGreaterThanOrEqualTo(new BigDecimal(offers.get(i).get("payout_amount").asText()));
        }
        JsonNode unigox = offers.stream().filter(o -> o.get("via").asText().equals("unigox")).findFirst().orElseThrow();
        assertThat(unigox.get("provider").asText()).isEqualTo("unigox");
        assertThat(unigox.get("payout_amount").asText()).isNotBlank();
    }

    @Test
    void upstreamsAreAskedInParallel() throws Exception {
        control("unigox", "/_sandbox/latency", "{\"path\":\"/api/v1/partner/offramp/estimate\",\"delay_ms\":1200}");
        control("changelly", "/_sandbox/faults", "{\"path\":\"/v1/sell/offers\",\"delayMs\":1200,\"count\":1}");

        long start = System.nanoTime();
        HttpResponse<String> r = bundle.get(OFFERS);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(priced(JSON.readTree(r.body()))).extracting(o -> o.get("via").asText()).contains("unigox", "changelly");
        // both upstreams took 1.2 s: one after the other would take 2.4 s
        assertThat(tookMillis).isBetween(1_200L, 2_200L);
        // and the answer says how long each took, as the bundle's own calls measured it
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("changelly;dur=([0-9.]+), unigox;dur=([0-9.]+)").matcher(timing);
        assertThat(m.matches()).as(timing).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(1_200.0, (double) tookMillis);
        assertThat(Double.parseDouble(m.group(2))).isBetween(1_200.0, (double) tookMillis);
    }

    @Test
    void aFailingUpstreamIsAnErrorEntryAndTheOtherStillAnswers() throws Exception {
        control("changelly", "/_sandbox/faults", "{\"path\":\"/v1/sell/offers\",\"status\":500,\"count\":10}");

        JsonNode answer = JSON.readTree(bundle.get(OFFERS).body());

        assertThat(priced(answer)).extracting(o -> o.get("via").asText()).containsOnly("unigox");
        assertThat(errors(answer)).anySatisfy(e -> {
            assertThat(e.get("via").asText()).isEqualTo("changelly");
            assertThat(e.get("error").get("message").asText()).isNotBlank();
        });
    }

    @Test
    void aSlowUpstreamTimesOutAsAnErrorEntry() throws Exception {
        control("unigox", "/_sandbox/latency", "{\"path\":\"/api/v1/partner/offramp/estimate\",\"delay_ms\":4000}");

        long start = System.nanoTime();
        JsonNode answer = JSON.readTree(bundle.get(OFFERS).body());
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(priced(answer)).extracting(o -> o.get("via").asText()).containsOnly("changelly");
        assertThat(errors(answer)).anySatisfy(e -> {
            assertThat(e.get("via").asText()).isEqualTo("unigox");
            assertThat(e.get("error").get("code").asText()).isEqualTo("upstream_timeout");
        });
        assertThat(tookMillis).as("the answer does not wait for the slow upstream").isLessThan(4_000L);
    }

    @Test
    void unsupportedPairsAndBadAmountsAre400sNamingTheParameter() throws Exception {
        HttpResponse<String> pair = bundle.get("/api/v1/offramp/offers?currency_from=DOGE&currency_to=EUR&amount_from=100&country=DE");
        assertThat(pair.statusCode()).as(pair.body()).isEqualTo(400);
        assertThat(JSON.readTree(pair.body()).get("error").get("field").asText()).isEqualTo("currency_to");

        for (String[] bad : new String[][] {{"amount_from=abc", "amount_from"}, {"amount_from=0", "amount_from"},
                {"amount_from=1e5", "amount_from"}, {"amount_from=", "amount_from"}}) {
            HttpResponse<String> r = bundle.get("/api/v1/offramp/offers?currency_from=USDT&currency_to=EUR&country=DE&" + bad[0]);
            assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").get("field").asText()).isEqualTo(bad[1]);
        }
        HttpResponse<String> fiat = bundle.get("/api/v1/offramp/offers?currency_from=USDT&currency_to=EURO&amount_from=1&country=DE");
        assertThat(JSON.readTree(fiat.body()).get("error").get("field").asText()).isEqualTo("currency_to");
    }

    String changellyOrder(String userId) {
        return "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\","
                + "\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\",\"user_id\":\"" + userId + "\"}";
    }

    HttpResponse<String> postWithKey(String body, String key, String apiKey) throws Exception {
        return bundle.raw("POST", "/api/v1/offramp/orders", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-API-Key", apiKey, "Idempotency-Key", key));
    }

    @Test
    void theSameKeyAndBodyAnswerTheSameOrderWithOneUpstreamOrder() throws Exception {
        String userId = bundle.insertUser("idem-" + UUID.randomUUID());
        String key = "order-" + UUID.randomUUID();
        String body = changellyOrder(userId);

        HttpResponse<String> first = postWithKey(body, key, Bundle.API_KEY);
        // the same request, re-serialised with other whitespace and field order
        String reordered = JSON.writeValueAsString(new java.util.TreeMap<>(JSON.readValue(body, Map.class)));
        HttpResponse<String> second = postWithKey(reordered, key, Bundle.API_KEY);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        String orderId = JSON.readTree(first.body()).get("id").asText();
        assertThat(JSON.readTree(second.body()).get("id").asText()).isEqualTo(orderId);
        assertThat(bundle.query("SELECT * FROM orders WHERE user_id = ?", userId)).hasSize(1);
        assertThat(upstreamOrdersOf(userId)).as("one order at Changelly").isEqualTo(1);
        assertThat(bundle.query("SELECT order_id FROM idempotency_keys WHERE idempotency_key = ?", key))
                .extracting(row -> row.get("order_id")).containsExactly(orderId);
    }

    @Test
    void theSameKeyWithAnotherBodyIsA409() throws Exception {
        String userId = bundle.insertUser("idem-" + UUID.randomUUID());
        String key = "order-" + UUID.randomUUID();
        assertThat(postWithKey(changellyOrder(userId), key, Bundle.API_KEY).statusCode()).isEqualTo(201);

        HttpResponse<String> other = postWithKey(changellyOrder(userId).replace("\"0.1\"", "\"0.2\""), key, Bundle.API_KEY);

        assertThat(other.statusCode()).isEqualTo(409);
        JsonNode error = JSON.readTree(other.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(error.get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(upstreamOrdersOf(userId)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirClient() throws Exception {
        String userId = bundle.insertUser("idem-" + UUID.randomUUID());
        String key = "order-" + UUID.randomUUID();

        HttpResponse<String> mine = postWithKey(changellyOrder(userId), key, Bundle.API_KEY);
        HttpResponse<String> theirs = postWithKey(changellyOrder(userId), key, "second-api-key");

        assertThat(JSON.readTree(theirs.body()).get("id").asText()).isNotEqualTo(JSON.readTree(mine.body()).get("id").asText());
    }

    @Test
    void aFailedRequestFreesItsKeyForARetry() throws Exception {
        String userId = bundle.insertUser("idem-" + UUID.randomUUID());
        String key = "order-" + UUID.randomUUID();
        String invalid = changellyOrder(userId).replace("\"IT\"", "\"Italy\"");

        HttpResponse<String> rejected = postWithKey(invalid, key, Bundle.API_KEY);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(bundle.query("SELECT * FROM idempotency_keys WHERE idempotency_key = ?", key)).isEmpty();

        HttpResponse<String> retried = postWithKey(changellyOrder(userId), key, Bundle.API_KEY);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
    }

    @Test
    void aBadKeyIsA400() throws Exception {
        String userId = bundle.insertUser("idem-" + UUID.randomUUID());
        HttpResponse<String> r = postWithKey(changellyOrder(userId), "x".repeat(201), Bundle.API_KEY);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(bundle.query("SELECT * FROM orders WHERE user_id = ?", userId)).isEmpty();
    }

    /** Orders the Changelly simulator holds for our user, counted through the bundle's own signed client. */
    int upstreamOrdersOf(String userId) {
        org.apache.camel.Exchange ex = context.createProducerTemplate().send("direct:changelly-call", e -> {
            e.setVariable("changellyMethod", "GET");
            e.setVariable("changellyPath", "/v1/orders");
            e.setVariable("changellyQuery", Map.of("externalUserId", userId));
            e.getMessage().setBody(null);
        });
        assertThat(ex.getException()).isNull();
        return JSON.valueToTree(ex.getMessage().getBody()).get("orders").size();
    }
}
