package dev.offramp.routes;

import dev.offramp.contract.OffRampApiContractExtension;
import dev.offramp.events.ThreadNiceness;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Events for the business: written in the transaction of the change they report (the outbox), signed as
 * Standard Webhooks (checked here with the Standard Webhooks library, a second implementation), delivered
 * to the sandbox receiver per order in commit order, retried, stopped by a 410, and readable as a feed.
 * Run on H2 ({@link EventsTest}) and PostgreSQL ({@link PostgresEventsTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OffRampApiContractExtension.class)
abstract class EventsContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "whsec_c2FuZGJveC1ldmVudHMtc2VjcmV0LWRldi1vbmx5";

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        bundle.raw("POST", "/sandbox/events/fail", "{\"status\":500,\"count\":0}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        bundle.raw("POST", "/sandbox/events/hold", "{\"ms\":1,\"count\":0}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        ok(bundle.send("POST", "/admin/events/destinations/default/enable", null, Bundle.ADMIN_KEY));
        // an earlier test's deliveries (held by a 410, say) go first, so an armed failure meets this test's own
        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) bundle.query(
                "SELECT COUNT(*) AS n FROM event_deliveries WHERE status = 'pending'").get(0).get("n")).longValue() == 0);
    }

    @Test
    void statusChangesAreToldSignedAndInOrder() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        ok(unigoxWebhook(orderId, "crypto_received"));
        ok(unigoxWebhook(orderId, "awaiting_fiat_received_confirmation"));
        ok(unigoxWebhook(orderId, "crypto_received"));   // older: ignored by the router, so no event

        List<JsonNode> received = awaitReceived(orderId, 3);
        assertThat(received).extracting(d -> type(d)).containsExactly(
                "order.status_changed", "order.status_changed", "order.action_required");
        JsonNode first = JSON.readTree(received.get(0).get("body").asText());
        assertThat(first.get("data").get("from").asText()).isEqualTo("awaiting_action");
        assertThat(first.get("data").get("to").asText()).isEqualTo("processing");
        assertThat(first.get("data").get("provider_status_to").asText()).isEqualTo("crypto_received");
        assertThat(first.get("data").get("source").asText()).isEqualTo("webhook");
        assertThat(first.get("data").get("order").get("id").asText()).isEqualTo(orderId);
        assertThat(first.get("data").get("order").has("timeline")).isFalse();
        JsonNode action = JSON.readTree(received.get(2).get("body").asText());
        assertThat(action.get("data").get("next_action").asText()).isEqualTo("confirm_fiat_received");

        // each signature verified by the Standard Webhooks library, with the secret the business holds
        for (JsonNode delivery : received) {
            HttpHeaders headers = HttpHeaders.of(Map.of(
                    "webhook-id", List.of(delivery.get("webhook_id").asText()),
                    "webhook-timestamp", List.of(delivery.get("webhook_timestamp").asText()),
                    "webhook-signature", List.of(delivery.get("webhook_signature").asText())), (a, b) -> true);
            new Webhook(SECRET).verify(delivery.get("body").asText(), headers);
        }
        // the feed has the same events, with the same ids and bodies, in commit order
        List<JsonNode> feed = feedOf(orderId);
        assertThat(feed).extracting(e -> e.get("id").asText())
                .containsExactlyElementsOf(received.stream().map(d -> d.get("webhook_id").asText()).toList());
        assertThat(feed.get(0).get("data")).isEqualTo(first.get("data"));
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM event_deliveries d JOIN events e ON e.seq = d.event_seq "
                + "WHERE e.subject = ? AND d.status = 'delivered'", orderId).get(0).get("n")).isEqualTo(3L);
    }

    @Test
    void deliveryThreadsGiveWayToTheThreadsThatAnswer() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        ok(unigoxWebhook(orderId, "crypto_received"));
        awaitReceived(orderId, 1);

        Map<String, Integer> threads = ThreadNiceness.byThreadName();
        int base = threads.get(Thread.currentThread().getName());
        Map<String, Integer> delivering = new TreeMap<>();
        Map<String, Integer> bundleOthers = new TreeMap<>();
        threads.forEach((name, nice) -> {
            if (name.contains("events-deliver")) {
                delivering.put(name, nice);
            } else if (name.startsWith("Camel") || name.contains("vert.x")) {
                bundleOthers.put(name, nice);
            }
        });
        // the delivery loop's timer thread and the pool threads that sent, offramp.events.delivery-nice (10) lower
        assertThat(delivering.keySet()).anyMatch(name -> name.contains("timer://events-deliver"));
        assertThat(delivering.size()).isGreaterThan(1);
        assertThat(delivering.values()).as(delivering.toString()).containsOnly(Math.min(19, base + 10));
        // the threads that answered the order creation and the webhook, and every other bundle thread, are not
        assertThat(bundleOthers.values()).as(bundleOthers.toString()).isNotEmpty().containsOnly(base);
    }

    @Test
    void aChangeThatRollsBackTellsNothing() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        String constraint = "ck_test_refuse_event_" + orderId.substring(0, 8);
        bundle.execute("ALTER TABLE events ADD CONSTRAINT " + constraint + " CHECK (subject <> '" + orderId + "')");
        String eventId = "evt_" + UUID.randomUUID();
        HttpResponse<String> failed;
        try {
            failed = unigoxWebhook(eventId, orderId, "crypto_received");
        } finally {
            bundle.execute("ALTER TABLE events DROP CONSTRAINT " + constraint);
        }
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        assertThat(bundle.orderRow(orderId).get("provider_status")).isEqualTo("awaiting_crypto_transfer_authorization");
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM events WHERE subject = ?", orderId).get(0).get("n")).isEqualTo(0L);

        // Unigox redelivers the same event once the fault is gone: the change and its event, together
        ok(unigoxWebhook(eventId, orderId, "crypto_received"));
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM events WHERE subject = ?", orderId).get(0).get("n")).isEqualTo(1L);
        assertThat(awaitReceived(orderId, 1)).hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedAndHoldsBackOnlyThatOrdersLaterEvents() throws Exception {
        String slow = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        failNext(500, 2);
        ok(unigoxWebhook(slow, "crypto_received"));
        ok(unigoxWebhook(slow, "fiat_payment_started"));

        List<JsonNode> received = awaitReceived(slow, 4);
        // the first event answered 500 twice, then 204; the second went only after the first got through
        assertThat(received).extracting(d -> d.get("answered").asInt()).containsExactly(500, 500, 204, 204);
        assertThat(received.get(0).get("webhook_id").asText()).isEqualTo(received.get(2).get("webhook_id").asText());
        assertThat(JSON.readTree(received.get(3).get("body").asText()).get("data").get("provider_status_to").asText())
                .isEqualTo("fiat_payment_started");
        assertThat(bundle.query("SELECT d.attempts FROM event_deliveries d JOIN events e ON e.seq = d.event_seq "
                + "WHERE e.id = ?", received.get(0).get("webhook_id").asText()).get(0).get("attempts")).isEqualTo(3);
    }

    @Test
    void a410StopsTheDestinationUntilItIsEnabledAgain() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        failNext(410, 1);
        ok(unigoxWebhook(orderId, "crypto_received"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !(Boolean) bundle.query("SELECT enabled FROM event_destinations WHERE name = 'default'").get(0).get("enabled"));
        ok(unigoxWebhook(orderId, "fiat_payment_started"));
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM event_deliveries d JOIN events e ON e.seq = d.event_seq "
                + "WHERE e.subject = ? AND d.status = 'pending'", orderId).get(0).get("n")).isEqualTo(2L);

        JsonNode waiting = JSON.readTree(ok(bundle.send("GET", "/admin/events/deliveries?status=pending&destination=default", null,
                Bundle.ADMIN_KEY)).body());
        assertThat(waiting.get("deliveries").findValuesAsText("subject")).contains(orderId);

        ok(bundle.send("POST", "/admin/events/destinations/default/enable", null, Bundle.ADMIN_KEY));
        List<JsonNode> received = awaitReceived(orderId, 3);
        assertThat(received).extracting(d -> d.get("answered").asInt()).containsExactly(410, 204, 204);
    }

    @Test
    void aDestinationTakesOnlyTheTypesItAsksFor() throws Exception {
        // what events-destinations-sync writes for OFFRAMP_EVENTS_TYPES=order.action_required,user.kyc_updated
        bundle.execute("UPDATE event_destinations SET event_types = 'order.action_required,user.kyc_updated' WHERE name = 'default'");
        String orderId;
        try {
            orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
            ok(unigoxWebhook(orderId, "crypto_received"));
            ok(unigoxWebhook(orderId, "awaiting_fiat_received_confirmation"));
        } finally {
            bundle.execute("UPDATE event_destinations SET event_types = NULL WHERE name = 'default'");
        }
        List<JsonNode> received = awaitReceived(orderId, 1);
        assertThat(received).extracting(d -> type(d)).containsExactly("order.action_required");
        // the feed still has every event; only the destination's deliveries are filtered
        assertThat(feedOf(orderId)).hasSize(3);
        assertThat(bundle.query("SELECT COUNT(*) AS n FROM event_deliveries d JOIN events e ON e.seq = d.event_seq "
                + "WHERE e.subject = ?", orderId).get(0).get("n")).isEqualTo(1L);
    }

    @Test
    void anAdminRedeliversAnEventAndTurnsTheDestinationOffAndOn() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        ok(unigoxWebhook(orderId, "crypto_received"));
        String eventId = awaitReceived(orderId, 1).get(0).get("webhook_id").asText();

        JsonNode redelivered = JSON.readTree(ok(bundle.send("POST", "/admin/events/" + eventId + "/redeliver", null, Bundle.ADMIN_KEY)).body());
        assertThat(redelivered.get("redelivered").asBoolean()).isTrue();
        List<JsonNode> twice = awaitReceived(orderId, 2);
        assertThat(twice.get(1).get("webhook_id").asText()).as("the same webhook-id: the receiver dedupes").isEqualTo(eventId);

        ok(bundle.send("POST", "/admin/events/destinations/default/disable", null, Bundle.ADMIN_KEY));
        ok(unigoxWebhook(orderId, "fiat_payment_started"));
        JsonNode pending = JSON.readTree(ok(bundle.send("GET", "/admin/events/deliveries?status=pending", null, Bundle.ADMIN_KEY)).body());
        assertThat(pending.get("deliveries").findValuesAsText("subject")).contains(orderId);
        ok(bundle.send("POST", "/admin/events/destinations/default/enable", null, Bundle.ADMIN_KEY));
        assertThat(awaitReceived(orderId, 3)).hasSize(3);

        // one order's events, as the console's order page lists them
        JsonNode mine = JSON.readTree(ok(bundle.send("GET", "/admin/events/deliveries?subject=" + orderId, null, Bundle.ADMIN_KEY)).body());
        assertThat(mine.get("deliveries").findValuesAsText("subject")).hasSize(2).containsOnly(orderId);
        assertThat(bundle.send("GET", "/admin/events/deliveries?subject=nope", null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(bundle.send("POST", "/admin/events/msg_0/redeliver", null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(404);
        assertThat(bundle.send("POST", "/admin/events/nope/redeliver", null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(bundle.send("POST", "/admin/events/destinations/elsewhere/enable", null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(404);
        assertThat(bundle.send("GET", "/admin/events/deliveries?status=lost", null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(bundle.send("GET", "/admin/events/deliveries", null, Bundle.API_KEY).statusCode()).isEqualTo(401);
    }

    @Test
    void aRedeliveryAskedForWhileTheEventIsBeingSentIsNotWrittenOverByThatAttempt() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        String eventId = eventHeldInFlight(orderId).get("webhook_id").asText();
        double deliveredBefore = deliveredToDefault();

        // the destination off, so nothing but the attempt in flight touches the delivery; then the admin's fresh start
        ok(bundle.send("POST", "/admin/events/destinations/default/disable", null, Bundle.ADMIN_KEY));
        try {
            JsonNode redelivered = JSON.readTree(ok(bundle.send("POST", "/admin/events/" + eventId + "/redeliver", null, Bundle.ADMIN_KEY)).body());
            assertThat(redelivered.get("redelivered").asBoolean()).isTrue();
            // the held attempt is answered 204 (counted delivered) and its outcome kept with its batch, at once after
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveredToDefault() > deliveredBefore);
            // ... but not over the redelivery: the delivery stays pending
            await().during(Duration.ofMillis(750)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveryStatus(eventId))
                    .isEqualTo("pending"));
        } finally {
            ok(bundle.send("POST", "/admin/events/destinations/default/enable", null, Bundle.ADMIN_KEY));
        }
        List<JsonNode> twice = awaitReceived(orderId, 2);
        assertThat(twice).extracting(d -> d.get("webhook_id").asText()).containsOnly(eventId);
        await().atMost(Duration.ofSeconds(15)).until(() -> "delivered".equals(deliveryStatus(eventId)));
    }

    @Test
    void oneBatchAtATimeSoASlowReceiverNeverPilesUpClaims() throws Exception {
        // the loop waits for the held batch before it looks again
        String first = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        eventHeldInFlight(first);
        String second = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        ok(unigoxWebhook(second, "crypto_received"));
        // another order's event, due now, is neither claimed nor sent while the first batch is out
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(receivedFor(second)).isEmpty();
            assertThat(bundle.query("SELECT d.claimed_by FROM event_deliveries d JOIN events e ON e.seq = d.event_seq"
                    + " WHERE e.subject = ?", second)).allSatisfy(row -> assertThat(row.get("claimed_by")).isNull());
        });
        // then it goes, once
        assertThat(awaitReceived(second, 1)).hasSize(1);
    }

    /**
     * The order's crypto_received event, arrived at the receiver, which answers it only 3 s later: the event
     * is in flight meanwhile. Answers the delivery as the receiver keeps it.
     */
    JsonNode eventHeldInFlight(String orderId) throws Exception {
        ok(bundle.raw("POST", "/sandbox/events/hold", "{\"ms\":3000,\"count\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json")));
        ok(unigoxWebhook(orderId, "crypto_received"));
        return awaitReceived(orderId, 1).get(0);
    }

    double deliveredToDefault() throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^offramp_events_delivered_total\\{[^}]*destination=\"default\"[^}]*\\} (\\S+)").matcher(bundle.metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    String deliveryStatus(String eventId) throws Exception {
        return (String) bundle.query("SELECT d.status FROM event_deliveries d JOIN events e ON e.seq = d.event_seq WHERE e.id = ?", eventId)
                .get(0).get("status");
    }

    @Test
    void aUsersKycStatusMovingIsToldOnceAMove() throws Exception {
        ok(bundle.send("POST", "/admin/unigox/webhooks/register", null, Bundle.ADMIN_KEY));
        String userId = new UnigoxPlaybook(bundle).onboardedUser().get("user_id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> moves = new ArrayList<>();
            for (JsonNode d : JSON.readTree(bundle.raw("GET", "/sandbox/events/received", null, Map.of()).body()).get("received")) {
                JsonNode body = JSON.readTree(d.get("body").asText());
                if ("user.kyc_updated".equals(body.get("type").asText())
                        && userId.equals(body.get("data").get("user").get("id").asText())) {
                    moves.add(body.get("data").get("to").asText());
                }
            }
            assertThat(moves).endsWith("verified").doesNotHaveDuplicates();
        });
    }

    @Test
    void theFeedPagesWithAnOpaqueCursor() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        ok(unigoxWebhook(orderId, "crypto_received"));
        ok(unigoxWebhook(orderId, "fiat_payment_started"));
        List<String> ids = new ArrayList<>();
        String cursor = "";
        boolean more = true;
        while (more) {
            JsonNode page = JSON.readTree(ok(bundle.get("/api/v1/events?limit=2&after=" + cursor)).body());
            assertThat(page.get("events").size()).isLessThanOrEqualTo(2);
            page.get("events").forEach(e -> ids.add(e.get("id").asText()));
            cursor = page.get("next_cursor").asText();
            more = page.get("has_more").asBoolean();
        }
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
        assertThat(ids).containsAll(feedOf(orderId).stream().map(e -> e.get("id").asText()).toList());
        assertThat(bundle.get("/api/v1/events?after=abc").statusCode()).isEqualTo(400);
        assertThat(bundle.get("/api/v1/events?limit=0").statusCode()).isEqualTo(400);
        assertThat(bundle.get("/api/v1/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void exhaustedRetriesOpenADeadLetterThatAReplaySendsOnceMore() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        failNext(500, 5);   // the whole schedule (4 attempts), then the first replay
        ok(unigoxWebhook(orderId, "crypto_received"));
        String eventId = awaitReceived(orderId, 4).get(0).get("webhook_id").asText();
        JsonNode letter = awaitDeadLetterOf(eventId);
        assertThat(letter.get("kind").asText()).isEqualTo("event_delivery");
        assertThat(letter.get("status").asText()).isEqualTo("open");
        assertThat(letter.get("order_id").asText()).isEqualTo(orderId);
        assertThat(letter.get("event").get("destination").asText()).isEqualTo("default");
        assertThat(letter.get("reason").asText()).contains("HTTP 500");
        String replay = "/admin/dead-letters/" + letter.get("id").asText() + "/replay";

        // the receiver still fails: 502 naming its answer, the dead letter open with one more failure
        HttpResponse<String> refused = bundle.send("POST", replay, null, Bundle.ADMIN_KEY);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.get("error").get("code").asText()).isEqualTo("event_delivery_failed");
        assertThat(error.get("error").get("message").asText()).contains("HTTP 500");
        JsonNode again = deadLetter(letter.get("id").asText());
        assertThat(again.get("status").asText()).isEqualTo("open");
        assertThat(again.get("failures").asInt()).isEqualTo(2);

        // it takes it now: delivered with the same webhook-id, the dead letter replayed
        JsonNode replayed = JSON.readTree(ok(bundle.send("POST", replay, null, Bundle.ADMIN_KEY)).body());
        assertThat(replayed.get("status").asText()).isEqualTo("replayed");
        List<JsonNode> received = awaitReceived(orderId, 6);
        assertThat(received.get(5).get("webhook_id").asText()).isEqualTo(eventId);
        assertThat(received.get(5).get("answered").asInt()).isEqualTo(204);
        assertThat(bundle.query("SELECT d.status FROM event_deliveries d JOIN events e ON e.seq = d.event_seq WHERE e.id = ?",
                eventId).get(0).get("status")).isEqualTo("delivered");
        // and not twice
        assertThat(bundle.send("POST", replay, null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(409);
    }

    @Test
    void afterAnOutageAnAdminRecoversEverythingFailedSinceThen() throws Exception {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String first = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        String second = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        failNext(503, 8);   // both events through the whole schedule: the receiver is down
        ok(unigoxWebhook(first, "crypto_received"));
        ok(unigoxWebhook(second, "crypto_received"));
        String firstId = awaitReceived(first, 4).get(0).get("webhook_id").asText();
        awaitReceived(second, 4);
        JsonNode letter = awaitDeadLetterOf(firstId);

        JsonNode failed = JSON.readTree(ok(bundle.send("GET", "/admin/events/deliveries?status=failed", null, Bundle.ADMIN_KEY)).body());
        assertThat(failed.get("deliveries").findValuesAsText("subject")).contains(first, second);
        JsonNode recovered = JSON.readTree(ok(bundle.send("POST", "/admin/events/recover?since=" + since, null, Bundle.ADMIN_KEY)).body());
        assertThat(recovered.get("recovered").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(awaitReceived(first, 5).get(4).get("answered").asInt()).isEqualTo(204);
        assertThat(awaitReceived(second, 5).get(4).get("webhook_id").asText()).isNotEqualTo(firstId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deadLetter(letter.get("id").asText()).get("status").asText()).isEqualTo("resolved"));

        // a later recovery finds nothing failed since then; a bad or missing since is named
        String now = java.time.Instant.now().toString();
        assertThat(JSON.readTree(ok(bundle.send("POST", "/admin/events/recover?since=" + now, null, Bundle.ADMIN_KEY)).body())
                .get("recovered").asInt()).isZero();
        HttpResponse<String> missing = bundle.send("POST", "/admin/events/recover", null, Bundle.ADMIN_KEY);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("error").get("field").asText()).isEqualTo("since");
        assertThat(bundle.send("POST", "/admin/events/recover?since=yesterday", null, Bundle.ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(bundle.send("POST", "/admin/events/recover?since=" + now, null, Bundle.API_KEY).statusCode()).isEqualTo(401);
    }

    @Test
    void eventsWrittenDeliveredFailedAndTheirLagAreMeasured() throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        ok(unigoxWebhook(orderId, "crypto_received"));
        awaitReceived(orderId, 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = bundle.metrics();
            assertThat(metrics).containsPattern("(?m)^offramp_events_written_total\\S* [1-9]");
            assertThat(metrics).containsPattern("(?m)^offramp_events_delivered_total\\{[^}]*destination=\"default\"[^}]*\\} [1-9]");
            assertThat(metrics).containsPattern("(?m)^offramp_events_delivery_lag_count\\{[^}]*destination=\"default\"[^}]*\\} [1-9]");
        });
    }

    JsonNode awaitDeadLetterOf(String eventId) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            found.clear();
            JsonNode list = JSON.readTree(ok(bundle.send("GET", "/admin/dead-letters?kind=event_delivery&limit=200", null,
                    Bundle.ADMIN_KEY)).body());
            for (JsonNode d : list.get("dead_letters")) {
                if (eventId.equals(d.get("event").get("id").asText())) {
                    found.add(d);
                }
            }
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    JsonNode deadLetter(String id) throws Exception {
        return JSON.readTree(ok(bundle.send("GET", "/admin/dead-letters/" + id, null, Bundle.ADMIN_KEY)).body());
    }

    List<JsonNode> feedOf(String orderId) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        JsonNode page = JSON.readTree(ok(bundle.get("/api/v1/events?limit=200")).body());
        for (JsonNode e : page.get("events")) {
            if (e.get("data").has("order") && orderId.equals(e.get("data").get("order").get("id").asText())) {
                mine.add(e);
            }
        }
        return mine;
    }

    List<JsonNode> awaitReceived(String orderId, int count) {
        List<List<JsonNode>> holder = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<JsonNode> mine = receivedFor(orderId);
            assertThat(mine).hasSize(count);
            holder.clear();
            holder.add(mine);
        });
        return holder.get(0);
    }

    List<JsonNode> receivedFor(String orderId) throws Exception {
        HttpResponse<String> r = bundle.raw("GET", "/sandbox/events/received", null, Map.of());
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode d : JSON.readTree(r.body()).get("received")) {
            JsonNode data = JSON.readTree(d.get("body").asText()).get("data");
            if (data.has("order") && orderId.equals(data.get("order").get("id").asText())) {
                mine.add(d);
            }
        }
        return mine;
    }

    static String type(JsonNode delivery) {
        try {
            return JSON.readTree(delivery.get("body").asText()).get("type").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void failNext(int status, int count) throws Exception {
        bundle.raw("POST", "/sandbox/events/fail", ("{\"status\":" + status + ",\"count\":" + count + "}").getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    HttpResponse<String> unigoxWebhook(String orderId, String status) throws Exception {
        return unigoxWebhook("evt_" + UUID.randomUUID(), orderId, status);
    }

    HttpResponse<String> unigoxWebhook(String eventId, String orderId, String status) throws Exception {
        byte[] body = ("{\"event_id\":\"" + eventId + "\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\"up-"
                + orderId + "\",\"status\":\"" + status + "\"}}").getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        return bundle.raw("POST", "/webhooks/unigox", body, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(timestamp),
                "X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", timestamp, body)));
    }

    static HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r;
    }
}
