package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Unigox off-ramp playbook through the bundle's own API, against the in-bundle simulator over
 * real HTTP, with signed webhooks as the source of truth. The simulator's clock is off: the test
 * moves orders with its control endpoints and waits for the webhooks with Awaitility.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18184", "offramp.management-port=19184",
            "offramp.db.url=jdbc:h2:mem:unigox-flow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
@ExtendWith(OffRampApiContractExtension.class)
class UnigoxFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        playbook = new UnigoxPlaybook(bundle);
        sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"normal\"}");
        // the registration at start-up may race a reset; make sure the simulator knows where to send
        HttpResponse<String> registered = bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return UnigoxPlaybook.JSON.readTree(response.body());
    }

    JsonNode sim(String method, String path, String body) throws Exception {
        return playbook.sim(method, path, body);
    }

    HttpResponse<String> ok(HttpResponse<String> r, int status) {
        return playbook.ok(r, status);
    }

    Map<String, String> onboardedUser() throws Exception {
        return playbook.onboardedUser();
    }

    String quote(Map<String, String> user, String amount) throws Exception {
        return playbook.quote(user, amount);
    }

    JsonNode order(String quoteId) throws Exception {
        return playbook.order(quoteId);
    }

    void advance(String unigoxOrderId, String expectedStatus, String orderId) throws Exception {
        sim("POST", "/_sandbox/orders/" + unigoxOrderId + "/advance", "{}");
        awaitStatus(orderId, expectedStatus);
    }

    void awaitStatus(String orderId, String providerStatus) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo(providerStatus));
    }

    @Test
    void wholePlaybookFromUserToCompletedOrder() throws Exception {
        Map<String, String> user = onboardedUser();
        JsonNode verification = json(ok(bundle.get("/api/v1/users/" + user.get("user_id") + "/verification-status"), 200));
        assertThat(verification.get("status").asText()).isEqualTo("verified");
        assertThat(verification.get("provider_status").asText()).isEqualTo("VERIFIED");
        JsonNode list = json(ok(bundle.get("/api/v1/users/" + user.get("user_id") + "/payment-details"), 200));
        assertThat(list.findValuesAsText("id")).containsExactly(user.get("payment_details_id"));

        JsonNode created = order(quote(user, "100"));
        String orderId = created.get("id").asText();
        String unigoxId = created.get("provider_order_id").asText();
        assertThat(created.get("provider_status").asText()).isEqualTo("awaiting_liquidity_provider");
        assertThat(created.get("status").asText()).isEqualTo("created");
        assertThat(created.get("crypto_amount").asText()).isNotBlank();
        assertThat(created.get("user_id").asText()).isEqualTo(user.get("user_id"));

        advance(unigoxId, "awaiting_crypto_transfer_authorization", orderId);
        JsonNode awaiting = json(bundle.get("/api/v1/orders/" + orderId));
        assertThat(awaiting.get("status").asText()).isEqualTo("awaiting_action");
        assertThat(awaiting.get("allowed_actions")).extracting(JsonNode::asText).containsExactly("authorize-crypto-transfer", "cancel");

        JsonNode params = json(ok(bundle.get("/api/v1/orders/" + orderId + "/transfer-authorization-parameters"), 200));
        assertThat(params.get("forwarder_address").asText()).startsWith("0x");
        JsonNode authorized = json(ok(bundle.post("/api/v1/orders/" + orderId + "/authorize-crypto-transfer",
                "{\"forward_request\":{\"from\":\"" + params.get("sender_address").asText() + "\",\"to\":\"" + params.get("token_address").asText()
                        + "\",\"value\":\"0\",\"gas\":\"500000\",\"nonce\":\"" + params.get("forwarder_nonce").asText()
                        + "\",\"deadline\":\"1900000000\",\"data\":\"" + params.get("transfer_data").asText() + "\"},\"signature\":\"0xabcdef\"}"), 200));
        assertThat(authorized.get("provider_status").asText()).isEqualTo("crypto_transfer_authorization_pending");

        advance(unigoxId, "crypto_received", orderId);
        advance(unigoxId, "fiat_payment_started", orderId);
        advance(unigoxId, "fiat_payment_review_started", orderId);
        advance(unigoxId, "awaiting_fiat_received_confirmation", orderId);
        JsonNode confirmed = json(ok(bundle.post("/api/v1/orders/" + orderId + "/confirm-fiat-received", null), 200));
        assertThat(confirmed.get("provider_status").asText()).isEqualTo("fiat_received_confirmed");
        advance(unigoxId, "crypto_release_pending", orderId);
        advance(unigoxId, "completed", orderId);

        JsonNode done = json(bundle.get("/api/v1/orders/" + orderId));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("final").asBoolean()).isTrue();
        JsonNode timeline = done.get("timeline");
        assertThat(timeline.findValuesAsText("source")).contains("api", "webhook").doesNotContain("reconciliation");
        // every step applied once, in order, although the actions' answers and their webhooks both report them
        List<String> applied = new java.util.ArrayList<>();
        timeline.forEach(t -> {
            if ("applied".equals(t.get("outcome").asText())) {
                applied.add(t.get("to").asText());
            }
        });
        // the first entry is the bundle's own: recorded before the initiate request left
        assertThat(applied).containsExactly("creation_unconfirmed", "awaiting_liquidity_provider", "awaiting_crypto_transfer_authorization",
                "crypto_transfer_authorization_pending", "crypto_received", "fiat_payment_started", "fiat_payment_review_started",
                "awaiting_fiat_received_confirmation", "fiat_received_confirmed", "crypto_release_pending", "completed");
    }

    @Test
    void cancelThroughTheApi() throws Exception {
        JsonNode created = order(quote(onboardedUser(), "50"));
        String orderId = created.get("id").asText();
        advance(created.get("provider_order_id").asText(), "awaiting_crypto_transfer_authorization", orderId);

        JsonNode cancelled = json(ok(bundle.post("/api/v1/orders/" + orderId + "/cancel", null), 200));

        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("allowed_actions")).isEmpty();
    }

    @Test
    void alternativeEndingsArriveByWebhook() throws Exception {
        Map<String, String> user = onboardedUser();
        for (String ending : List.of("failed", "dispute_started", "refund_required")) {
            JsonNode created = order(quote(user, "20"));
            String orderId = created.get("id").asText();
            String unigoxId = created.get("provider_order_id").asText();
            advance(unigoxId, "awaiting_crypto_transfer_authorization", orderId);
            ok(bundle.post("/api/v1/orders/" + orderId + "/authorize-crypto-transfer",
                    Bundle.AUTHORIZATION), 200);
            advance(unigoxId, "crypto_received", orderId);

            sim("POST", "/_sandbox/orders/" + unigoxId + "/end", "{\"status\":\"" + ending + "\"}");

            switch (ending) {
                case "failed" -> awaitStatus(orderId, "failed");
                case "dispute_started" -> {
                    awaitStatus(orderId, "dispute_started");
                    assertThat(json(bundle.get("/api/v1/orders/" + orderId)).get("status").asText()).isEqualTo("disputed");
                    sim("POST", "/_sandbox/orders/" + unigoxId + "/end", "{\"status\":\"completed\"}");
                    awaitStatus(orderId, "completed");
                }
                default -> {
                    awaitStatus(orderId, "cancelled");
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                            assertThat(json(bundle.get("/api/v1/orders/" + orderId)).get("allowed_actions"))
                                    .extracting(JsonNode::asText).containsExactly("authorize-refund"));
                }
            }
        }
    }

    @Test
    void expiredAndReusedQuotesAreClear409s() throws Exception {
        Map<String, String> user = onboardedUser();
        String expired = quote(user, "10");
        sim("POST", "/_sandbox/quotes/" + expired + "/expire", "{}");
        HttpResponse<String> tooLate = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + expired + "\"}");
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(json(tooLate).get("error").get("code").asText()).isEqualTo("quote_expired");
        assertThat(json(tooLate).get("error").get("upstream").get("code").asText()).isEqualTo("QUOTE_EXPIRED");

        String used = quote(user, "10");
        order(used);
        HttpResponse<String> again = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + used + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("error").get("code").asText()).isEqualTo("quote_already_used");

        sim("POST", "/_sandbox/offramp/next-initiate-price-change", "{}");
        HttpResponse<String> moved = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"unigox\",\"quote_id\":\"" + quote(user, "10") + "\"}");
        assertThat(moved.statusCode()).isEqualTo(409);
        JsonNode error = json(moved).get("error");
        assertThat(error.get("code").asText()).isEqualTo("price_changed_requote");
        assertThat(error.get("upstream").get("details").has("current_rate")).isTrue();

        assertThat(bundle.query("SELECT * FROM orders WHERE user_id = ?", user.get("user_id"))).hasSize(1);
    }

    @Test
    void quoteForAUserWhoseKycIsNotClearedIs422() throws Exception {
        String ref = "user-" + UUID.randomUUID();
        JsonNode user = json(ok(bundle.post("/api/v1/users", "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}"), 201));
        String userId = user.get("id").asText();
        JsonNode details = json(ok(bundle.post("/api/v1/users/" + userId + "/payment-details",
                "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada\",\"iban\":\"DE89370400440532013000\"}}"), 201));

        HttpResponse<String> r = bundle.post("/api/v1/offramp/quote", "{\"user_id\":\"" + userId + "\",\"payment_details_id\":\""
                + details.get("id").asText() + "\",\"crypto_currency\":\"USDT\",\"crypto_amount\":\"10\",\"fiat_currency\":\"EUR\"}");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("kyc_not_cleared");
    }

    @Test
    void createUserIsCreateOrGet() throws Exception {
        String ref = "user-" + UUID.randomUUID();
        String body = "{\"user_ref\":\"" + ref + "\",\"email\":\"" + ref + "@example.com\"}";
        JsonNode first = json(ok(bundle.post("/api/v1/users", body), 201));
        JsonNode second = json(ok(bundle.post("/api/v1/users", body), 200));
        assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(bundle.query("SELECT * FROM users WHERE user_ref = ?", ref)).hasSize(1);

        HttpResponse<String> bad = bundle.post("/api/v1/users", "{\"user_ref\":\"x\",\"email\":\"not-an-email\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").get("field").asText()).isEqualTo("email");
    }

    @Test
    void duplicateAndReorderedWebhooksEndInTheRightStatus() throws Exception {
        Map<String, String> user = onboardedUser();
        for (String mode : List.of("duplicate_same_id", "duplicate_new_id", "reorder")) {
            JsonNode created = order(quote(user, "30"));
            String orderId = created.get("id").asText();
            String unigoxId = created.get("provider_order_id").asText();
            advance(unigoxId, "awaiting_crypto_transfer_authorization", orderId);
            ok(bundle.post("/api/v1/orders/" + orderId + "/authorize-crypto-transfer",
                    Bundle.AUTHORIZATION), 200);
            sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"" + mode + "\"}");

            for (int step = 0; step < 4; step++) {
                sim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
            }
            sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"normal\"}");
            // one more event in normal mode releases an event a reorder may still hold
            sim("POST", "/_sandbox/orders/" + unigoxId + "/end", "{\"status\":\"dispute_started\"}");

            awaitStatus(orderId, "dispute_started");
            List<Map<String, Object>> timeline = bundle.timeline(orderId);
            assertThat(timeline.stream().filter(t -> "applied".equals(t.get("outcome"))).map(t -> t.get("to_status")))
                    .as(mode).doesNotHaveDuplicates();
            if (!"reorder".equals(mode)) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    List<JsonNode> sent = new java.util.ArrayList<>();
                    sim("GET", "/_sandbox/webhooks/deliveries", null).path("data").path("deliveries").forEach(d -> {
                        if (unigoxId.equals(d.path("order_id").asText()) && "delivered".equals(d.path("state").asText())
                                && "order.status.changed".equals(d.path("event_type").asText())) {
                            sent.add(d);
                        }
                    });
                    long distinct = sent.stream().map(d -> d.get("status").asText()).distinct().count();
                    assertThat(sent.size()).as("the simulator really sent duplicates").isGreaterThan((int) distinct);
                    assertThat(bundle.query(
                            "SELECT COUNT(*) AS n FROM webhook_inbox WHERE provider = 'unigox' AND order_ref = ? AND event_type = 'order.status.changed'",
                            unigoxId).get(0).get("n")).as("each transition stored once").isEqualTo(distinct);
                });
            } else {
                assertThat(timeline).as("a late older status is ignored, never applied")
                        .anySatisfy(t -> assertThat(t.get("outcome")).isEqualTo("ignored"));
            }
        }
    }

    @Test
    void webhookSignaturesAreCheckedOverTheRawBytes() throws Exception {
        String body = "{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\",\"created_at\":\"2026-11-21T00:00:00Z\","
                + "\"data\":{\"order_id\":\"" + UUID.randomUUID() + "\",\"status\":\"completed\"}}";
        long now = System.currentTimeMillis() / 1000;

        assertThat(webhook(body, "sandbox-unigox-webhook-secret", now).statusCode()).isEqualTo(200);
        assertThat(json(webhook(body, "sandbox-unigox-webhook-secret", now)).get("status").asText()).isEqualTo("duplicate");
        String other = body.replace("evt_", "evt_other_");
        assertThat(webhook(other, "wrong-secret", now).statusCode()).isEqualTo(401);
        // outside the 300 s tolerance and not ours is still forged (a correctly signed stale one is stored and
        // fetched instead: UnigoxPartnerSurfaceTest)
        assertThat(webhook(other, "wrong-secret", now - 305).statusCode()).isEqualTo(401);
        assertThat(webhook(other, "wrong-secret", now + 305).statusCode()).isEqualTo(401);
        HttpResponse<String> unsigned = bundle.raw("POST", "/webhooks/unigox", other.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(unsigned).get("error").get("code").asText()).isEqualTo("invalid_signature");
        assertThat(bundle.query("SELECT * FROM webhook_inbox WHERE event_id LIKE 'evt_other_%'")).isEmpty();
        // an event for an order we do not know is kept for reconciliation
        assertThat(bundle.query("SELECT verdict FROM webhook_inbox WHERE raw_body = ?", body).get(0).get("verdict")).isEqualTo("unknown_order");
    }

    @Test
    void unknownEventTypesAreStoredAndAcknowledged() throws Exception {
        String body = "{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"fiat_account.updated\",\"data\":{\"fiat_account_id\":\"fa-1\"}}";

        HttpResponse<String> r = webhook(body, "sandbox-unigox-webhook-secret", System.currentTimeMillis() / 1000);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(bundle.query("SELECT verdict FROM webhook_inbox WHERE raw_body = ?", body).get(0).get("verdict")).isEqualTo("unhandled_type");
    }

    HttpResponse<String> webhook(String body, String secret, long timestamp) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bundle.raw("POST", "/webhooks/unigox", bytes, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(timestamp), "X-Unigox-Signature", HmacSha256.header(secret, timestamp, bytes)));
    }
}
