package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;

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
@ExtendWith(OffRampApiContractExtension.class)
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

        // re-processed by an admin, it is fetched again, never applied from its stored body
        HttpResponse<String> again = bundle.send("POST", "/admin/webhooks/inbox/" + inbox.get(0).get("id") + "/reprocess", null, Bundle.ADMIN_KEY);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("verdict").asText()).isEqualTo("stale_fetched");
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("awaiting_crypto_transfer_authorization");
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

    // ---- KYC events out of order ----

    static String kycEvent(String eventId, String userUuid, String kycStatus, String createdAt) {
        return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"user.kyc.updated\",\"created_at\":\"" + createdAt + "\","
                + "\"data\":{\"user_uuid\":\"" + userUuid + "\",\"kyc_status\":\"" + kycStatus + "\"}}";
    }

    String verdictOf(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("status").asText();
    }

    long kycEventsOf(String userId) throws Exception {
        return bundle.query("SELECT COUNT(*) AS n FROM events WHERE type = 'user.kyc_updated' AND subject = ?", userId)
                .get(0).get("n") instanceof Number n ? n.longValue() : -1;
    }

    @Test
    void anOlderKycEventThanTheOneAppliedIsKeptButNeverWritesOverIt() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        String userId = user.get("user_id");
        String uuid = json(playbook.ok(bundle.get("/api/v1/users/" + userId), 200)).get("accounts").get("unigox").get("user_uuid").asText();
        long now = System.currentTimeMillis() / 1000;
        // after the simulator's own KYC events for this user (created now)
        java.time.Instant base = java.time.Instant.ofEpochSecond(now).plusSeconds(60);

        // Unigox holds the user for a manual review at base+5 min ...
        assertThat(verdictOf(webhook(kycEvent("evt_kyc_" + UUID.randomUUID(), uuid, "UNDER_REVIEW", base.plusSeconds(300).toString()), SECRET, now)))
                .isEqualTo("applied");
        long eventsAfterReview = kycEventsOf(userId);
        // ... and its VERIFIED of base arrives late (a retry, or a dead letter replayed): kept, not applied, nobody told
        String lateId = "evt_kyc_late_" + UUID.randomUUID();
        assertThat(verdictOf(webhook(kycEvent(lateId, uuid, "VERIFIED", base.toString()), SECRET, now))).isEqualTo("stale_not_applied");
        JsonNode kyc = json(playbook.ok(bundle.get("/api/v1/users/" + userId), 200)).get("kyc");
        assertThat(kyc.get("status").asText()).isEqualTo("under_review");
        assertThat(kycEventsOf(userId)).isEqualTo(eventsAfterReview);
        Map<String, Object> inbox = bundle.query("SELECT id, verdict, verdict_reason FROM webhook_inbox WHERE event_id = ?", lateId).get(0);
        assertThat((String) inbox.get("verdict_reason")).contains("before the KYC event already applied");
        // an admin's reprocess of the late one changes nothing either
        HttpResponse<String> again = bundle.send("POST", "/admin/webhooks/inbox/" + inbox.get("id") + "/reprocess", null, Bundle.ADMIN_KEY);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("verdict").asText()).isEqualTo("stale_not_applied");
        assertThat(json(playbook.ok(bundle.get("/api/v1/users/" + userId), 200)).get("kyc").get("status").asText()).isEqualTo("under_review");

        // a newer word applies, and is told
        assertThat(verdictOf(webhook(kycEvent("evt_kyc_" + UUID.randomUUID(), uuid, "VERIFIED", base.plusSeconds(1800).toString()), SECRET, now)))
                .isEqualTo("applied");
        assertThat(json(playbook.ok(bundle.get("/api/v1/users/" + userId), 200)).get("kyc").get("status").asText()).isEqualTo("verified");
        assertThat(kycEventsOf(userId)).isEqualTo(eventsAfterReview + 1);
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

    // ---- one payment detail: get, delete ----

    static final String SECOND_DETAILS = "{\"currency\":\"EUR\",\"rail\":\"iban-sepa\",\"details\":{\"full_name\":\"Ada Lovelace\","
            + "\"iban\":\"FR1420041010050500013M02606\"}}";

    @Test
    void onePaymentDetailIsReadByOurIdAndADeletedOneIsGoneEverywhere() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        String userId = user.get("user_id");
        String first = user.get("payment_details_id");
        String second = json(playbook.ok(bundle.post("/api/v1/users/" + userId + "/payment-details", SECOND_DETAILS), 201)).get("id").asText();

        JsonNode one = json(playbook.ok(bundle.get("/api/v1/users/" + userId + "/payment-details/" + second), 200));
        assertThat(one.get("id").asText()).isEqualTo(second);
        assertThat(one.get("user_id").asText()).isEqualTo(userId);
        assertThat(one.get("provider").asText()).isEqualTo("unigox");
        assertThat(one.get("rail").asText()).isEqualTo("iban-sepa");
        assertThat(one.get("details").get("iban").asText()).isEqualTo("FR1420041010050500013M02606");
        assertThat(one.get("provider_payment_details_id").asText()).isNotBlank();

        JsonNode deleted = json(playbook.ok(bundle.send("DELETE", "/api/v1/users/" + userId + "/payment-details/" + second, null, Bundle.API_KEY), 200));
        assertThat(deleted.get("id").asText()).isEqualTo(second);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();

        // no longer listed, read, deleted again or quoted against; the other one is untouched
        JsonNode list = json(playbook.ok(bundle.get("/api/v1/users/" + userId + "/payment-details"), 200));
        assertThat(list.findValuesAsText("id")).containsExactly(first);
        HttpResponse<String> gone = bundle.get("/api/v1/users/" + userId + "/payment-details/" + second);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("error").get("field").asText()).isEqualTo("payment_details_id");
        assertThat(bundle.send("DELETE", "/api/v1/users/" + userId + "/payment-details/" + second, null, Bundle.API_KEY).statusCode()).isEqualTo(404);
        HttpResponse<String> quote = bundle.post("/api/v1/offramp/quote", "{\"user_id\":\"" + userId + "\",\"payment_details_id\":\"" + second
                + "\",\"crypto_currency\":\"USDT\",\"crypto_amount\":\"100\",\"fiat_currency\":\"EUR\"}");
        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(404);
        assertThat(json(quote).get("error").get("field").asText()).isEqualTo("payment_details_id");
        assertThat(bundle.query("SELECT deleted_at FROM payment_details WHERE id = ?", second).get(0).get("deleted_at")).isNotNull();
        // and Unigox forgot it too
        JsonNode atUnigox = playbook.sim("GET", "/api/v1/partner/users/" + user.get("uuid") + "/payment-details", null);
        assertThat(atUnigox.get("data")).hasSize(1);
        playbook.ok(bundle.get("/api/v1/users/" + userId + "/payment-details/" + first), 200);
    }

    @Test
    void unknownOrMalformedIdsAre404Or400NamingTheParameterAndNothingChanges() throws Exception {
        Map<String, String> user = playbook.onboardedUser();
        String userId = user.get("user_id");
        String details = user.get("payment_details_id");
        Map<String, Object> before = bundle.footprint();

        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> unknown = bundle.send(method, "/api/v1/users/" + userId + "/payment-details/" + UUID.randomUUID(), null, Bundle.API_KEY);
            assertThat(unknown.statusCode()).as(method + " " + unknown.body()).isEqualTo(404);
            assertThat(json(unknown).get("error").get("field").asText()).isEqualTo("payment_details_id");
            HttpResponse<String> unknownUser = bundle.send(method, "/api/v1/users/" + UUID.randomUUID() + "/payment-details/" + details, null, Bundle.API_KEY);
            assertThat(unknownUser.statusCode()).as(method + " " + unknownUser.body()).isEqualTo(404);
            // another user's details are not found under this user
            String other = bundle.insertUser("other-" + UUID.randomUUID());
            assertThat(bundle.send(method, "/api/v1/users/" + other + "/payment-details/" + details, null, Bundle.API_KEY).statusCode()).isEqualTo(404);
            HttpResponse<String> malformed = bundle.send(method, "/api/v1/users/" + userId + "/payment-details/1001", null, Bundle.API_KEY);
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(json(malformed).get("error").get("field").asText()).isEqualTo("payment_details_id");
            assertThat(bundle.send(method, "/api/v1/users/" + userId + "/payment-details/" + details, null, null).statusCode()).isEqualTo(401);
        }
        assertThat(bundle.footprint()).usingRecursiveComparison().ignoringFields("users").isEqualTo(before);
        playbook.ok(bundle.get("/api/v1/users/" + userId + "/payment-details/" + details), 200);
    }

    // ---- webhook registrations (admin) ----

    @Test
    void adminsListAndDeleteTheWebhookRegistrationWithoutEverSeeingTheSecret() throws Exception {
        HttpResponse<String> listed = playbook.ok(bundle.send("GET", "/admin/unigox/webhooks", null, Bundle.ADMIN_KEY), 200);
        assertThat(listed.body()).doesNotContain(SECRET).doesNotContain("secret");
        JsonNode webhooks = json(listed).get("webhooks");
        assertThat(webhooks).hasSize(1);
        assertThat(webhooks.get(0).get("id").asText()).isEqualTo("current");
        assertThat(webhooks.get(0).get("url").asText()).isEqualTo("http://localhost:18610/webhooks/unigox");
        assertThat(webhooks.get(0).get("enabled").asBoolean()).isTrue();
        assertThat(webhooks.get(0).fieldNames()).toIterable().containsExactly("id", "url", "enabled");

        HttpResponse<String> deleted = playbook.ok(bundle.send("DELETE", "/admin/unigox/webhooks/current", null, Bundle.ADMIN_KEY), 200);
        assertThat(json(deleted).get("deleted").asBoolean()).isTrue();
        assertThat(deleted.body()).doesNotContain(SECRET);
        assertThat(json(playbook.ok(bundle.send("GET", "/admin/unigox/webhooks", null, Bundle.ADMIN_KEY), 200)).get("webhooks")).isEmpty();
        // Unigox no longer delivers: nothing is registered there
        assertThat(playbook.sim("GET", "/api/v1/partner/webhooks", null).get("data").get("url").isNull()).isTrue();

        playbook.ok(bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY), 200);
        assertThat(json(bundle.send("GET", "/admin/unigox/webhooks", null, Bundle.ADMIN_KEY)).get("webhooks")).hasSize(1);
    }

    @Test
    void theWebhookRegistrationNeedsTheAdminKeyAndAPlainId() throws Exception {
        for (String key : new String[] {Bundle.API_KEY, null, "wrong"}) {
            assertThat(bundle.send("GET", "/admin/unigox/webhooks", null, key).statusCode()).as("GET with " + key).isEqualTo(401);
            assertThat(bundle.send("DELETE", "/admin/unigox/webhooks/current", null, key).statusCode()).as("DELETE with " + key).isEqualTo(401);
        }
        HttpResponse<String> bad = bundle.send("DELETE", "/admin/unigox/webhooks/a%2F..%2Fusers", null, Bundle.ADMIN_KEY);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(json(bad).get("error").get("field").asText()).isEqualTo("id");
        // still registered
        assertThat(json(bundle.send("GET", "/admin/unigox/webhooks", null, Bundle.ADMIN_KEY)).get("webhooks")).hasSize(1);
    }
}
