package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two bundle instances (two JVMs, as in production) on one PostgreSQL: the clustered Quartz
 * schedule runs every tick exactly once between them, and a webhook delivered to both is applied once.
 */
@Tag("postgres")
class PostgresTwoInstancesTest {

    static final String SCHEMA = "offramp_cluster";
    static final String URL = PostgresDatabase.freshSchema(SCHEMA);
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));

    static Map<String, String> instance(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("OFFRAMP_HTTP_PORT", Integer.toString(port));
        env.put("OFFRAMP_MANAGEMENT_PORT", Integer.toString(port + 1000));
        env.put("OFFRAMP_DB_URL", URL);
        env.put("OFFRAMP_DB_USER", PostgresDatabase.USER);
        env.put("OFFRAMP_DB_POOL_SIZE", "4");
        env.put("OFFRAMP_RECONCILE_CRON", "0/2 * * * * ?");
        env.put("SANDBOX_UNIGOX_STEP_SECONDS", "0");
        env.put("SANDBOX_CHANGELLY_STEP_SECONDS", "0");
        return env;
    }

    static List<Long> fireTimes() throws Exception {
        List<Long> times = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(URL, PostgresDatabase.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT scheduled_fire_time FROM reconciliation_runs "
                        + "WHERE trigger_kind = 'schedule' AND status = 'completed' ORDER BY scheduled_fire_time")) {
            while (rs.next()) {
                times.add(rs.getLong(1));
            }
        }
        return times;
    }

    static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(URL, PostgresDatabase.USER, "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyTickRunsOnceAndAWebhookToBothInstancesIsAppliedOnce() throws Exception {
        try (BundleProcess a = BundleProcess.start(instance(18291)); BundleProcess b = BundleProcess.start(instance(18292))) {
            a.awaitAnswering(18291);
            b.awaitAnswering(18292);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> fireTimes().size() >= 6);

            List<Long> ticks = fireTimes();
            assertThat(ticks).doesNotHaveDuplicates();
            // consecutive ticks two seconds apart: none ran twice, none was lost
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(ticks.get(i) - ticks.get(i - 1)).as("ticks %s", ticks).isEqualTo(2000L);
            }
            assertThat(count("SELECT COUNT(DISTINCT instance_name) FROM qrtz_scheduler_state")).as("both instances joined the cluster").isEqualTo(2);

            String body = "{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\","
                    + "\"data\":{\"order_id\":\"" + UUID.randomUUID() + "\",\"status\":\"completed\"}}";
            List<String> answers = new ArrayList<>();
            for (int port : new int[] {18291, 18292}) {
                long ts = System.currentTimeMillis() / 1000;
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/unigox"))
                        .header("Content-Type", "application/json").header("X-Unigox-Timestamp", Long.toString(ts))
                        .header("X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", ts, bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
                HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                answers.add(response.body());
            }
            assertThat(answers.get(1)).contains("duplicate");
            assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE raw_body = '" + body.replace("'", "''") + "'")).isEqualTo(1);
        }
    }
}
