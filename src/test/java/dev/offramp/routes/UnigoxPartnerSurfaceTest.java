package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
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
 * The rest of the Unigox partner surface (issue 18) through the bundle's own API, against the in-bundle
 * simulator: stale but correctly signed webhooks (stored, the order fetched, the body never applied),
 * one payment detail read and deleted, the webhook registration listed and deleted by an admin, and
 * verify-auth in readiness (the wrong key: {@link UnigoxWrongPartnerKeyTest}).
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18610", "offramp.management-port=19610",
            "offramp.db.url=jdbc:h2:mem:unigox-surface;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
class UnigoxPartnerSurfaceTest {

    static final String SECRET = "sandbox-unigox-webhook-secret";

    @BeanInject
    CamelContext context;

    Bundle bundle;
    UnigoxPlaybook playbook;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        playbook = new UnigoxPlaybook(bundle);
        playbook.sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"normal\"}");
        HttpResponse<String> registered = bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return UnigoxPlaybook.JSON.readTree(r.body());
    }

    HttpResponse<String> webhook(String body, String secret, long timestamp) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bundle.raw("POST", "/webhooks/unigox", bytes, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(timestamp), "X-Unigox-Signature", HmacSha256.header(secret, timestamp, bytes)));
    }

    static String statusEvent(String eventId, String unigoxOrderId, String status) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"order.status.changed\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"data\":{\"order_id\":\"" + unigoxOrderId + "\",\"status\":\"" + status + "\"}}";
    }

    // ---- stale but correctly signed webhooks ----

    @Test
    void aStaleButCorrectlySignedWebhookIsStoredAndTheOrderIsFetchedNotTakenFromTheBody() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        JsonNode created = playbook.order(playbook.quote(user, "100"));
        String orderId = created.get("id").asText();
        String unigoxId = created.get("provider_order_id").asText();
        // Unigox moves the order on, but its webhook never arrives
        playbook.sim("POST", "/_sandbox/webhooks/mode", "{\"mode\":\"drop\"}");
        playbook.sim("POST", "/_sandbox/orders/" + unigoxId + "/advance", "{}");
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("awaiting_liquidity_provider");

        // a late retry signed ten minutes ago, claiming a status Unigox does not confirm
        String eventId = "evt_stale_" + UUID.randomUUID();
        long old = System.currentTimeMillis() / 1000 - 600;
        HttpResponse<String> r = webhook(statusEvent(eventId, unigoxId, "cancelled"), SECRET, old);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("stale_fetched");
        List<Map<String, Object>> inbox = bundle.query("SELECT id, verdict, verdict_reason FROM webhook_inbox WHERE event_id = ?", eventId);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).get("verdict")).isEqualTo("stale_fetched");
        assertThat((String) inbox.get(0).get("verdict_reason")).contains("awaiting_crypto_transfer_authorization");
        // the status Unigox answered, through the status router, shown in the order's timeline
        JsonNode order = json(playbook.ok(bundle.get("/api/v1/orders/" + orderId), 200));
        assertThat(order.get("provider_status").asText()).isEqualTo("awaiting_crypto_transfer_authorization");
        JsonNode last = order.get("timeline").get(order.get("timeline").size() - 1);
        assertThat(last.get("source").asText()).isEqualTo("webhook");
        assertThat(last.get("source_ref").asText()).isEqualTo("inbox-" + inbox.get(0).get("id"));
        assertThat(last.get("outcome").asText()).isEqualTo("applied");
        assertThat(last.get("reason").asText()).contains("fetched from Unigox");
        assertThat(order.get("timeline").findValuesAsText("to")).doesNotContain("cancelled");

        // the same stale delivery again is a duplicate, nothing more
        assertThat(json(webhook(statusEvent(eventId, unigoxId, "cancelled"), SECRET, old)).get("status").asText()).isEqualTo("duplicate");
    }

    @Test
    void aStaleWebhookNotSignedByUsIsRefusedAndNothingIsStored() throws Exception {
        Map<String, Object> before = bundle.footprint();
        String eventId = "evt_forged_" + UUID.randomUUID();
        long old = System.currentTimeMillis() / 1000 - 600;

        HttpResponse<String> r = webhook(statusEvent(eventId, UUID.randomUUID().toString(), "completed"), "not-our-secret", old);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("invalid_signature");
        assertThat(bundle.query("SELECT id FROM webhook_inbox WHERE event_id = ?", eventId)).isEmpty();
        assertThat(bundle.footprint()).isEqualTo(before);
    }

    @Test
    void aStaleEventOfAnotherKindIsStoredButNotApplied() throws Exception {
        String eventId = "evt_stale_kyc_" + UUID.randomUUID();
        String body = "{\"event_id\":\"" + eventId + "\",\"event_type\":\"user.kyc.updated\",\"data\":{\"user_uuid\":\""
                + UUID.randomUUID() + "\",\"kyc_status\":\"VERIFIED\"}}";

        HttpResponse<String> r = webhook(body, SECRET, System.currentTimeMillis() / 1000 - 600);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(bundle.query("SELECT verdict FROM webhook_inbox WHERE event_id = ?", eventId).get(0).get("verdict"))
                .isEqualTo("stale_not_applied");
    }

    // ---- verify-auth in readiness ----

    @Test
    void readinessShowsThePartnerKeyAcceptedByUnigox() throws Exception {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode readiness = UnigoxPlaybook.JSON.readTree(bundle.health("/observe/health/ready?data=true"));
            JsonNode auth = UnigoxWrongPartnerKeyTest.check(readiness, "unigox-auth");
            assertThat(auth.get("status").asText()).isEqualTo("UP");
            assertThat(auth.get("data").get("unigox").asText()).isEqualTo("authorized");
            assertThat(auth.get("data").get("unigox.checked_at").asText()).isNotBlank();
            assertThat(readiness.get("status").asText()).isEqualTo("UP");
        });
        // asked again (as the interval does), during a test, so the contract extension sees the call
        org.apache.camel.Exchange asked = context.createProducerTemplate().request("direct:unigox-verify-auth", e -> { });
        assertThat(asked.getException()).isNull();
        assertThat(asked.getVariable("unigoxStatus")).isEqualTo(200);
        assertThat(asked.getVariable("unigoxAuthChange")).as("no new line while the state stays").isNull();
    }
}
