package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 1: an acknowledged webhook is durably stored before its 2xx. The bundle (its own JVM, on
 * an H2 file, as embedded) is killed with SIGKILL while signed webhooks are arriving; after a restart
 * every webhook that got a 2xx is in the inbox and its status is applied to its order. The database URL
 * leaves out H2's WRITE_DELAY=0: the bundle adds it (EmbeddedDatabaseUrl).
 */
class CrashSafetyTest {

    static final int PORT = 18193;
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(2));

    @TempDir
    Path dir;

    Map<String, String> env(String dbUrl) {
        return BundleProcess.withoutSimulators(PORT, dbUrl);
    }

    @Test
    void everyAcknowledgedWebhookSurvivesAKillMinus9() throws Exception {
        Path db = dir.resolve("offramp");
        // the embedded URL on a file of this test's own, without the WRITE_DELAY=0 it ships with: as typed
        // by hand, the bundle adds it (without it, H2 holds commits back and acknowledged webhooks are lost)
        String url = BundleProcess.handTypedH2Url(db);

        // 1. migrate, then stop: the orders the webhooks refer to are put in while the bundle is down
        try (BundleProcess first = BundleProcess.start(env(url))) {
            first.awaitAnswering(PORT);
        }
        List<String> upstreamIds = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, provider, provider_order_id, provider_status, status) "
                        + "VALUES (?, 'unigox', ?, 'awaiting_crypto_transfer_authorization', 'awaiting_action')")) {
            for (int i = 0; i < 400; i++) {
                String upstream = UUID.randomUUID().toString();
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, upstream);
                insert.addBatch();
                upstreamIds.add(upstream);
            }
            insert.executeBatch();
        }

        // 2. webhooks from 8 senders until the kill; remember every one that got a 2xx
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        BundleProcess bundle = BundleProcess.start(env(url));
        try {
            bundle.awaitAnswering(PORT);
            for (int t = 0; t < 8; t++) {
                int sender = t;
                senders.submit(() -> {
                    for (int i = sender; i < upstreamIds.size() && !stop.get(); i += 8) {
                        String eventId = "evt_crash_" + i;
                        String body = "{\"event_id\":\"" + eventId + "\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\""
                                + upstreamIds.get(i) + "\",\"status\":\"crypto_received\"}}";
                        if (send(body)) {
                            acknowledged.add(eventId);
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 100);
            bundle.kill();
            stop.set(true);
        } finally {
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.SECONDS);
            bundle.close();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(100);

        // 3. restart on the same file: it opens after the crash, and everything acknowledged is there
        try (BundleProcess restarted = BundleProcess.start(env(url))) {
            restarted.awaitAnswering(PORT);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement q = c.prepareStatement("SELECT w.event_id, w.verdict, o.provider_status FROM webhook_inbox w "
                        + "JOIN orders o ON o.provider = 'unigox' AND o.provider_order_id = w.order_ref WHERE w.event_id = ?")) {
            for (String eventId : acknowledged) {
                q.setString(1, eventId);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).as("acknowledged %s is stored", eventId).isTrue();
                    assertThat(rs.getString("verdict")).as(eventId).isEqualTo("applied");
                    assertThat(rs.getString("provider_status")).as(eventId).isEqualTo("crypto_received");
                }
            }
        }
        assertThat(Files.exists(db.resolveSibling("offramp.mv.db"))).isTrue();
    }

    static boolean send(String body) {
        try {
            long ts = System.currentTimeMillis() / 1000;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/webhooks/unigox"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .header("X-Unigox-Timestamp", Long.toString(ts))
                    .header("X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", ts, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (Exception connectionCut) {
            return false;
        }
    }
}
