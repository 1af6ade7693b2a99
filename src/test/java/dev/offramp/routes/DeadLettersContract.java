package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Work that still fails after its retries is kept in the dead-letter table with its reason, listed
 * under /admin/dead-letters and replayed on demand once the upstream is back: a repeat-safe Unigox
 * order action, and a Changelly callback whose confirmation fetch failed. A stored webhook can also
 * be processed again by its inbox id. Run on H2 ({@link DeadLettersTest}) and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeadLettersContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REFUND_ADDRESS = "0x8cfbd31371e9bec8c82ae101e25bd9394c03a227";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook unigox;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        unigox = new UnigoxPlaybook(bundle);
        unigox.sim("POST", "/_sandbox/faults/clear", "{}");
        unigox.sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"normal\"}");
        HttpResponse<String> registered = bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    HttpResponse<String> admin(String method, String path) throws Exception {
        return bundle.send(method, path, null, Bundle.ADMIN_KEY);
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    JsonNode deadLettersOf(String orderId, String kind) throws Exception {
        HttpResponse<String> r = admin("GET", "/admin/dead-letters?kind=" + kind);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ArrayNode mine = JSON.createArrayNode();
        json(r).get("dead_letters").forEach(d -> {
            if (orderId.equals(d.get("order_id").asText())) {
                mine.add(d);
            }
        });
        return mine;
    }

    @Test
    void aRepeatSafeOrderActionThatStillFailsIsKeptAndReplayedOnceUnigoxIsBack() throws Exception {
        JsonNode created = unigox.order(unigox.quote(unigox.onboardedUser(), "30"));
        String orderId = created.get("id").asText();
        String unigoxId = created.get("provider_order_id").asText();
        unigox.sim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "awaiting_crypto_transfer_authorization".equals(bundle.orderRow(orderId).get("provider_status")));
        String path = "/orders/" + unigoxId + "/authorize-crypto-transfer";
        unigox.sim("POST", "/_sandbox/faults", "{\"path\":\"" + path + "\",\"status\":503,\"count\":4}");

        HttpResponse<String> failed = bundle.post("/api/v1/orders/" + orderId + "/authorize-crypto-transfer", Bundle.AUTHORIZATION);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        JsonNode letters = deadLettersOf(orderId, "upstream_call");
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("status").asText()).isEqualTo("open");
        assertThat(letter.get("provider").asText()).isEqualTo("unigox");
        assertThat(letter.get("reason").asText()).isEqualTo("unigox answered HTTP 503");
        assertThat(letter.get("request").get("path").asText()).isEqualTo(path);
        assertThat(letter.get("request").has("body")).as("the list leaves bodies out").isFalse();
        String id = letter.get("id").asText();
        JsonNode one = json(admin("GET", "/admin/dead-letters/" + id));
        assertThat(one.get("request").get("body").asText()).contains("forward_request").contains("0xab");

        // Unigox is back (the four faults were used by the four attempts): replay sends it again and syncs the order
        HttpResponse<String> replayed = admin("POST", "/admin/dead-letters/" + id + "/replay");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json(replayed).get("status").asText()).isEqualTo("replayed");
        assertThat(json(replayed).get("replayed_at").isNull()).isFalse();
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("crypto_transfer_authorization_pending");
        assertThat(bundle.query("SELECT source_ref FROM order_timeline WHERE order_id = ? AND source_ref = ?", orderId, "dead-letter-" + id))
                .as("the replay's change went through the status router").hasSize(1);

        HttpResponse<String> again = admin("POST", "/admin/dead-letters/" + id + "/replay");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("error").get("code").asText()).isEqualTo("not_replayable");
    }

    @Test
    void aCallbackWhoseConfirmationFailedIsADeadLetterUntilReplayed() throws Exception {
        String userId = bundle.insertUser("dead-letter-user-" + UUID.randomUUID());
        HttpResponse<String> created = bundle.post("/api/v1/offramp/orders", "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\","
                + "\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\""
                + REFUND_ADDRESS + "\",\"user_id\":\"" + userId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId = json(created).get("id").asText();
        String changellyId = (String) bundle.orderRow(orderId).get("provider_order_id");
        String before = (String) bundle.orderRow(orderId).get("provider_status");
        // every attempt of the confirmation fetch fails: the callback cannot be confirmed
        bundle.changellySandbox("POST", "/_sandbox/faults", "{\"path\":\"/v1/orders\",\"status\":500,\"count\":4}");

        bundle.changellySandbox("POST", "/_sandbox/orders/" + changellyId + "/advance", "{}");

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLettersOf(orderId, "webhook").size() == 1);
        JsonNode letter = deadLettersOf(orderId, "webhook").get(0);
        assertThat(letter.get("status").asText()).isEqualTo("open");
        assertThat(letter.get("provider").asText()).isEqualTo("changelly");
        assertThat(letter.get("reason").asText()).startsWith("upstream_error:");
        assertThat(bundle.orderRow(orderId).get("provider_status")).as("nothing unconfirmed was applied").isEqualTo(before);
        long inboxId = letter.get("inbox_id").asLong();
        assertThat(bundle.query("SELECT processed_at FROM webhook_inbox WHERE id = ?", inboxId).get(0).get("processed_at")).isNull();

        HttpResponse<String> replayed = admin("POST", "/admin/dead-letters/" + letter.get("id").asText() + "/replay");

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json(replayed).get("status").asText()).isEqualTo("replayed");
        assertThat(bundle.orderRow(orderId).get("provider_status")).isNotEqualTo(before);
        assertThat(bundle.query("SELECT processed_at FROM webhook_inbox WHERE id = ?", inboxId).get(0).get("processed_at")).isNotNull();

        // a stored webhook can be processed again by its inbox id: the status router ignores a repeat
        HttpResponse<String> reprocessed = admin("POST", "/admin/webhooks/inbox/" + inboxId + "/reprocess");
        assertThat(reprocessed.statusCode()).as(reprocessed.body()).isEqualTo(200);
        assertThat(json(reprocessed).get("verdict").asText()).isEqualTo("ignored");
    }

    @Test
    void aWebhookWhoseStatusWriteFailsHalfWayChangesNothingAndIsKeptUntilRedelivered() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        Map<String, Object> before = bundle.orderRow(orderId);
        String eventId = "evt_" + UUID.randomUUID();
        byte[] event = ("{\"event_id\":\"" + eventId + "\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\"up-"
                + orderId + "\",\"status\":\"crypto_received\"}}").getBytes(StandardCharsets.UTF_8);
        // the database refuses this order's next applied timeline entry: the status update before it, in the
        // same transaction, has already run when the insert fails
        String constraint = "ck_test_refuse_" + orderId.substring(0, 8);
        bundle.execute("ALTER TABLE order_timeline ADD CONSTRAINT " + constraint + " CHECK (order_id <> '" + orderId
                + "' OR order_version IS NULL OR order_version < 1)");
        HttpResponse<String> failed;
        try {
            failed = unigoxWebhook(event);
        } finally {
            bundle.execute("ALTER TABLE order_timeline DROP CONSTRAINT " + constraint);
        }

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(json(failed).get("error").get("code").asText()).isEqualTo("internal_error");
        Map<String, Object> after = bundle.orderRow(orderId);
        assertThat(after.get("provider_status")).as("nothing half-written").isEqualTo(before.get("provider_status"));
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(bundle.timeline(orderId)).hasSize(1);
        java.util.List<Map<String, Object>> inbox = bundle.query("SELECT id, processed_at FROM webhook_inbox WHERE event_id = ?", eventId);
        assertThat(inbox).as("the delivery is kept for the upstream's redelivery").hasSize(1);
        assertThat(inbox.get(0).get("processed_at")).isNull();
        JsonNode letters = deadLettersOf(orderId, "webhook");
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("status").asText()).isEqualTo("open");
        assertThat(letters.get(0).get("inbox_id").asLong()).isEqualTo(((Number) inbox.get(0).get("id")).longValue());

        // Unigox redelivers the same event once the fault is gone: it is processed, and the dead letter resolves
        HttpResponse<String> redelivered = unigoxWebhook(event);

        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(200);
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("crypto_received");
        assertThat(bundle.timeline(orderId)).hasSize(2);
        assertThat(deadLettersOf(orderId, "webhook").get(0).get("status").asText()).isEqualTo("resolved");
    }

    HttpResponse<String> unigoxWebhook(byte[] body) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        return bundle.raw("POST", "/webhooks/unigox", body, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(timestamp),
                "X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", timestamp, body)));
    }

    @Test
    void badIdsFiltersAndKeysAreClearErrors() throws Exception {
        assertThat(admin("GET", "/admin/dead-letters/abc").statusCode()).isEqualTo(400);
        assertThat(json(admin("GET", "/admin/dead-letters/abc")).get("error").get("field").asText()).isEqualTo("id");
        assertThat(admin("GET", "/admin/dead-letters/999999").statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/admin/dead-letters/999999/replay").statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/admin/webhooks/inbox/999999/reprocess").statusCode()).isEqualTo(404);
        assertThat(json(admin("GET", "/admin/dead-letters?status=lost")).get("error").get("field").asText()).isEqualTo("status");
        assertThat(json(admin("GET", "/admin/dead-letters?kind=x")).get("error").get("field").asText()).isEqualTo("kind");
        assertThat(json(admin("GET", "/admin/dead-letters?limit=0")).get("error").get("field").asText()).isEqualTo("limit");
        assertThat(bundle.send("GET", "/admin/dead-letters", null, Bundle.API_KEY).statusCode())
                .as("an API key is not an admin key").isEqualTo(401);
        assertThat(bundle.send("POST", "/admin/dead-letters/1/replay", null, null).statusCode()).isEqualTo(401);
    }

}
