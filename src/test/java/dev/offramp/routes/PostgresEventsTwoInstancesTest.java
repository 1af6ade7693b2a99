package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Events from two bundle instances (two JVMs, as in production) on one PostgreSQL, to a receiver outside
 * both: each event delivered, never two deliveries of one event at the same time, each order's events in
 * commit order although its changes arrive at both instances; and an attempt in flight when its instance
 * is killed (kill -9) delivered after the restart, the feed's cursor carrying on across it.
 */
@Tag("postgres")
class PostgresEventsTwoInstancesTest {

    static final String SECRET = "whsec_c2FuZGJveC1ldmVudHMtc2VjcmV0LWRldi1vbmx5";
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> STATUSES = List.of("crypto_received", "fiat_payment_started", "completed");

    static Map<String, String> instance(String dbUrl, int port, String eventsUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("OFFRAMP_HTTP_PORT", Integer.toString(port));
        env.put("OFFRAMP_MANAGEMENT_PORT", Integer.toString(port + 1000));
        env.put("OFFRAMP_DB_URL", dbUrl);
        env.put("OFFRAMP_DB_USER", PostgresDatabase.USER);
        env.put("OFFRAMP_DB_POOL_SIZE", "6");
        env.put("OFFRAMP_RECONCILE_ENABLED", "false");
        env.put("OFFRAMP_EVENTS_URL", eventsUrl);
        env.put("OFFRAMP_EVENTS_SECRET", SECRET);
        env.put("OFFRAMP_EVENTS_POLL_MS", "50");
        env.put("OFFRAMP_EVENTS_BATCH_SIZE", "8");
        env.put("OFFRAMP_EVENTS_CLAIM_SECONDS", "3");
        env.put("OFFRAMP_EVENTS_FEED_SETTLE_MS", "0");
        env.put("SANDBOX_UNIGOX_STEP_SECONDS", "0");
        env.put("SANDBOX_CHANGELLY_STEP_SECONDS", "0");
        return env;
    }

    @Test
    void twoInstancesDeliverEachEventWithoutOverlapEachOrderInCommitOrder() throws Exception {
        String db = PostgresDatabase.freshSchema("offramp_events_two");
        try (EventsReceiver receiver = new EventsReceiver(SECRET);
                BundleProcess a = BundleProcess.start(instance(db, 18411, receiver.url("/a")));
                BundleProcess b = BundleProcess.start(instance(db, 18412, receiver.url("/b")))) {
            a.awaitAnswering(18411);
            b.awaitAnswering(18412);
            List<String> orders = insertOrders(db, 24);

            // each order's three changes, one after the other, alternately to A and B; orders side by side
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (String order : orders) {
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < STATUSES.size(); i++) {
                        HttpResponse<String> r = unigoxWebhook(i % 2 == 0 ? 18411 : 18412, order, STATUSES.get(i));
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            senders.shutdown();

            Map<String, List<String>> committed = eventIdsBySubject(db, orders);
            int total = committed.values().stream().mapToInt(List::size).sum();
            assertThat(total).as("three status changes, each told").isEqualTo(orders.size() * 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().stream()
                    .map(EventsReceiver.Delivery::webhookId).distinct().count() >= total);

            List<EventsReceiver.Delivery> received = receiver.received();
            assertThat(receiver.forged()).isZero();
            assertThat(receiver.overlaps()).as("two deliveries of one event at the same time").isZero();
            assertThat(received).extracting(EventsReceiver.Delivery::webhookId).as("each event sent once").doesNotHaveDuplicates();
            assertThat(received).filteredOn(d -> d.path().equals("/a")).as("A delivered some").isNotEmpty();
            assertThat(received).filteredOn(d -> d.path().equals("/b")).as("B delivered some").isNotEmpty();
            for (Map.Entry<String, List<String>> order : committed.entrySet()) {
                List<String> arrived = received.stream().map(EventsReceiver.Delivery::webhookId)
                        .filter(order.getValue()::contains).toList();
                assertThat(arrived).as("order %s in commit order", order.getKey()).isEqualTo(order.getValue());
            }
        }
    }

    @Test
    void anAttemptInFlightAtAKillIsDeliveredAfterTheRestartAndTheFeedCursorCarriesOn() throws Exception {
        String db = PostgresDatabase.freshSchema("offramp_events_crash");
        try (EventsReceiver receiver = new EventsReceiver(SECRET)) {
            List<String> orders;
            String cursor;
            String heldEvent;
            try (BundleProcess first = BundleProcess.start(instance(db, 18413, receiver.url("/hold")))) {
                first.awaitAnswering(18413);
                orders = insertOrders(db, 2);
                assertThat(unigoxWebhook(18413, orders.get(0), "crypto_received").statusCode()).isEqualTo(200);
                assertThat(receiver.awaitHolding(30)).as("the attempt reached the receiver").isTrue();
                heldEvent = eventIdsBySubject(db, orders).get(orders.get(0)).get(0);
                JsonNode page = feed(18413, "");
                assertThat(ids(page)).containsExactly(heldEvent);
                cursor = page.get("next_cursor").asText();
                first.kill();   // committed, claimed, in flight: nothing acknowledged
            }
            receiver.release();
            try (BundleProcess second = BundleProcess.start(instance(db, 18413, receiver.url("/after")))) {
                second.awaitAnswering(18413);
                // once the dead instance's claim has run out, the event goes out again from the new one
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().stream()
                        .anyMatch(d -> d.path().equals("/after") && d.webhookId().equals(heldEvent)));
                assertThat(unigoxWebhook(18413, orders.get(1), "crypto_received").statusCode()).isEqualTo(200);
                String later = eventIdsBySubject(db, orders).get(orders.get(1)).get(0);
                JsonNode next = feed(18413, cursor);
                assertThat(ids(next)).as("after the cursor: only what came since").containsExactly(later);
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().stream()
                        .anyMatch(d -> d.webhookId().equals(later)));
                assertThat(receiver.forged()).isZero();
            }
        }
    }

    /** The event ids of a feed page (its events' own ids, not the orders' inside them). */
    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("events").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    static JsonNode feed(int port, String after) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events?limit=50&after=" + after))
                .header("X-API-Key", "dev-api-key").build();
        HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Orders as the bundle would hold them after creation, awaiting the crypto transfer's authorization. */
    static List<String> insertOrders(String db, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db, PostgresDatabase.USER, "");
                PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, provider, provider_order_id, crypto_amount, "
                        + "crypto_currency, fiat_amount, fiat_currency, provider_status, status, version) VALUES "
                        + "(?, 'unigox', ?, 100.5, 'USDT', 92.10, 'EUR', 'awaiting_crypto_transfer_authorization', 'awaiting_action', 0)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, "up-" + id);
                insert.executeUpdate();
                ids.add(id);
            }
        }
        return ids;
    }

    /** Each order's event ids in commit (seq) order. */
    static Map<String, List<String>> eventIdsBySubject(String db, List<String> subjects) throws Exception {
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db, PostgresDatabase.USER, "");
                PreparedStatement q = c.prepareStatement("SELECT subject, id FROM events ORDER BY seq");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                if (subjects.contains(rs.getString(1))) {
                    bySubject.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return bySubject;
    }

    static HttpResponse<String> unigoxWebhook(int port, String orderId, String status) throws Exception {
        byte[] body = ("{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\"up-"
                + orderId + "\",\"status\":\"" + status + "\"}}").getBytes(StandardCharsets.UTF_8);
        long ts = System.currentTimeMillis() / 1000;
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/unigox"))
                .header("Content-Type", "application/json").header("X-Unigox-Timestamp", Long.toString(ts))
                .header("X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
