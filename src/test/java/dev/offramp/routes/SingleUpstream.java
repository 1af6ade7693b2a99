package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the single-upstream deployment tests (UnigoxOnlyDeploymentTest, ChangellyOnlyDeploymentTest) check alike. */
final class SingleUpstream {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Bundle bundle;

    SingleUpstream(Bundle bundle) {
        this.bundle = bundle;
    }

    JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** The answer of an operation of the switched-off upstream: 409 upstream_disabled naming it and its switch. */
    void assertDisabled(HttpResponse<String> r, String upstream) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("upstream_disabled");
        assertThat(error.get("message").asText()).containsIgnoringCase(upstream)
                .contains("OFFRAMP_" + upstream.toUpperCase() + "_ENABLED=false");
        assertThat(error.get("field").isNull()).isTrue();
        assertThat(error.get("upstream").get("provider").asText()).isEqualTo(upstream);
    }

    /** The switched-off upstream's webhook path: 404, and nothing stored (no inbox row, no dead letter). */
    void assertWebhookPathGone(String upstream) throws Exception {
        long inboxBefore = count("SELECT COUNT(*) AS n FROM webhook_inbox");
        long deadBefore = count("SELECT COUNT(*) AS n FROM dead_letters");
        HttpResponse<String> r = bundle.raw("POST", "/webhooks/" + upstream,
                "{\"orderId\":\"x-1\",\"event_id\":\"evt-1\",\"event_type\":\"order.status.changed\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").get("code").asText()).isEqualTo("upstream_disabled");
        assertThat(count("SELECT COUNT(*) AS n FROM webhook_inbox")).isEqualTo(inboxBefore);
        assertThat(count("SELECT COUNT(*) AS n FROM dead_letters")).isEqualTo(deadBefore);
    }

    /** Starts a run through the admin API, waits for it to finish and answers it as GET /admin/reconciliation/runs lists it. */
    JsonNode reconciliationRun() throws Exception {
        long runId = ok(bundle.send("POST", "/admin/reconciliation/run", null, Bundle.ADMIN_KEY), 202).get("run_id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !"running".equals(bundle.query("SELECT status FROM reconciliation_runs WHERE id = ?", runId).get(0).get("status")));
        for (JsonNode run : ok(bundle.send("GET", "/admin/reconciliation/runs?limit=20", null, Bundle.ADMIN_KEY), 200).get("runs")) {
            if (run.get("id").asLong() == runId) {
                return run;
            }
        }
        throw new AssertionError("run " + runId + " not listed");
    }

    /** The readiness details of the circuits check (management port). */
    JsonNode circuitsReadiness() throws Exception {
        JsonNode ready = JSON.readTree(bundle.health("/observe/health/ready?data=true"));
        for (JsonNode check : ready.get("checks")) {
            if (check.get("name").asText().equals("upstream-circuits")) {
                return check.get("data");
            }
        }
        throw new AssertionError("no upstream-circuits check in readiness: " + ready);
    }

    /** The offers of an answer of GET /api/v1/offramp/offers, error entries included. */
    List<JsonNode> offers(String query) throws Exception {
        HttpResponse<String> r = bundle.get("/api/v1/offramp/offers?" + query);
        JsonNode answer = ok(r, 200);
        List<JsonNode> all = new ArrayList<>();
        answer.get("offers").forEach(all::add);
        return all;
    }

    long count(String sql) throws Exception {
        return ((Number) bundle.query(sql).get(0).get("n")).longValue();
    }
}
