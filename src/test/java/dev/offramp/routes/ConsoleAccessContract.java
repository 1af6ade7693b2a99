package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access rules of the ops console and of the viewer key, over plain HTTP (README "Security"): a viewer
 * key reads /admin and changes nothing (403); sign-in answers an HttpOnly, SameSite=Strict session cookie
 * and never echoes the key; a console session reads /admin and the order lists, changes /admin only with
 * its CSRF token and only as admin; sign-out ends the session on the server; the X-API-Key path is as it was.
 * The console's read endpoints, whose SQL matters per database. Run on H2 ({@link ConsoleAccessTest}) and
 * PostgreSQL ({@link PostgresConsoleAccessTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleAccessContract {

    static final String VIEWER_KEY = "test-viewer-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));

    @BeanInject
    CamelContext context;

    Bundle bundle;

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
    }

    HttpResponse<String> call(String method, String path, Map<String, String> headers) throws Exception {
        String port = context.resolvePropertyPlaceholders("{{offramp.http-port}}");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> headers(String... nameValues) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.put(nameValues[i], nameValues[i + 1]);
        }
        return h;
    }

    static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error").get("code").asText();
    }

    /** Signs in; answers the cookie pair ("offramp_console=...") and the CSRF token. */
    String[] signIn(String key) throws Exception {
        HttpResponse<String> r = call("POST", "/console/session", headers("X-API-Key", key));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new String[] {setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(r.body()).get("csrf_token").asText()};
    }

    Object runs() throws Exception {
        return bundle.query("SELECT COUNT(*) AS n FROM reconciliation_runs").get(0).get("n");
    }

    @Test
    void aViewerKeyReadsAdminAndChangesNothing() throws Exception {
        Object runsBefore = runs();
        assertThat(bundle.get("/admin/dead-letters", VIEWER_KEY).statusCode()).isEqualTo(200);
        assertThat(bundle.get("/admin/reconciliation/runs", "second-viewer-key").statusCode()).isEqualTo(200);
        assertThat(bundle.get("/admin/webhooks/inbox", VIEWER_KEY).statusCode()).isEqualTo(200);

        for (String path : new String[] {"/admin/reconciliation/run", "/admin/dead-letters/1/replay", "/admin/webhooks/inbox/1/reprocess",
            "/admin/events/destinations/default/disable"}) {
            HttpResponse<String> refused = bundle.send("POST", path, null, VIEWER_KEY);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(error(refused)).isEqualTo("read_only");
            assertThat(refused.body()).contains("viewer key may only read").doesNotContain(VIEWER_KEY);
        }
        HttpResponse<String> delete = bundle.send("DELETE", "/admin/unigox/webhooks/current", null, VIEWER_KEY);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(runs()).isEqualTo(runsBefore);
        // a viewer key is no /api key
        assertThat(bundle.get("/api/v1/orders", VIEWER_KEY).statusCode()).isEqualTo(401);
    }

    @Test
    void signInAnswersAnHttpOnlyStrictCookieAndNeverTheKey() throws Exception {
        HttpResponse<String> r = call("POST", "/console/session", headers("X-API-Key", Bundle.ADMIN_KEY));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("offramp_console=").contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/")
                .doesNotContain(Bundle.ADMIN_KEY).doesNotContain("Max-Age");
        assertThat(r.headers().allValues("Set-Cookie")).hasSize(1);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("role").asText()).isEqualTo("admin");
        assertThat(body.get("csrf_token").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(r.body()).doesNotContain(Bundle.ADMIN_KEY).doesNotContain(setCookie.substring(16, setCookie.indexOf(';')));

        HttpResponse<String> viewer = call("POST", "/console/session", headers("X-API-Key", VIEWER_KEY));
        assertThat(JSON.readTree(viewer.body()).get("role").asText()).isEqualTo("viewer");
        assertThat(viewer.body()).doesNotContain(VIEWER_KEY);

        for (String wrong : new String[] {Bundle.API_KEY, "nope"}) {
            HttpResponse<String> refused = call("POST", "/console/session", headers("X-API-Key", wrong));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(refused.body()).doesNotContain(wrong);
        }
        HttpResponse<String> inQuery = call("POST", "/console/session?api_key=" + Bundle.ADMIN_KEY, headers());
        assertThat(inQuery.statusCode()).isEqualTo(400);
        assertThat(error(inQuery)).isEqualTo("key_in_query");
        assertThat(inQuery.body()).doesNotContain(Bundle.ADMIN_KEY);
    }

    @Test
    void aSessionReadsWithItsCookieAndChangesOnlyWithItsCsrfToken() throws Exception {
        String[] admin = signIn(Bundle.ADMIN_KEY);
        String cookie = admin[0];
        Object runsBefore = runs();

        assertThat(call("GET", "/admin/dead-letters", headers("Cookie", cookie)).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/orders?limit=1", headers("Cookie", cookie)).statusCode()).isEqualTo(200);
        HttpResponse<String> session = call("GET", "/console/session", headers("Cookie", "other=1; " + cookie));
        assertThat(JSON.readTree(session.body()).get("csrf_token").asText()).isEqualTo(admin[1]);

        HttpResponse<String> noToken = call("POST", "/admin/reconciliation/run", headers("Cookie", cookie));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(error(noToken)).isEqualTo("csrf_token_invalid");
        assertThat(JSON.readTree(noToken.body()).get("error").get("field").asText()).isEqualTo("X-CSRF-Token");
        HttpResponse<String> wrongToken = call("POST", "/admin/reconciliation/run", headers("Cookie", cookie, "X-CSRF-Token", "x" + admin[1]));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(runs()).isEqualTo(runsBefore);

        HttpResponse<String> run = call("POST", "/admin/reconciliation/run", headers("Cookie", cookie, "X-CSRF-Token", admin[1]));
        assertThat(run.statusCode()).as(run.body()).isIn(202, 409);

        // the session reaches the order lists of /api, nothing else there
        assertThat(call("GET", "/api/v1/events", headers("Cookie", cookie)).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/users", headers("Cookie", cookie, "X-CSRF-Token", admin[1])).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/orders/" + java.util.UUID.randomUUID() + "/refund-authorization-parameters",
                headers("Cookie", cookie)).statusCode()).isEqualTo(401);
        // an X-API-Key decides alone: a wrong key with a good cookie is still a wrong key
        assertThat(call("GET", "/admin/dead-letters", headers("Cookie", cookie, "X-API-Key", "nope")).statusCode()).isEqualTo(401);
    }

    @Test
    void aViewerSessionIsRefusedEveryChangeEvenWithItsToken() throws Exception {
        String[] viewer = signIn(VIEWER_KEY);

        assertThat(call("GET", "/admin/reconciliation/stuck", headers("Cookie", viewer[0])).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = call("POST", "/admin/reconciliation/run", headers("Cookie", viewer[0], "X-CSRF-Token", viewer[1]));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(error(refused)).isEqualTo("read_only");
    }

    @Test
    void signOutEndsTheSessionOnTheServer() throws Exception {
        String[] admin = signIn(Bundle.ADMIN_KEY);

        HttpResponse<String> withoutToken = call("DELETE", "/console/session", headers("Cookie", admin[0]));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> out = call("DELETE", "/console/session", headers("Cookie", admin[0], "X-CSRF-Token", admin[1]));
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("offramp_console=;").contains("Max-Age=0");

        HttpResponse<String> after = call("GET", "/admin/dead-letters", headers("Cookie", admin[0]));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(error(after)).isEqualTo("session_expired");
        assertThat(call("GET", "/console/session", headers("Cookie", admin[0])).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/admin/dead-letters", headers("Cookie", "offramp_console=made-up")).statusCode()).isEqualTo(401);
    }

    @Test
    void theConsolePageIsServedWithItsProtectionsAndNothingElseIsReflected() throws Exception {
        HttpResponse<String> page = call("GET", "/console", headers("Set-Cookie", "evil=1", "Content-Security-Policy", "none"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(page.body()).contains("<title>Off-ramp ops console</title>");
        HttpResponse<String> script = call("GET", "/console/assets/console-api.js", headers());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        for (String bad : new String[] {"/console/assets/nope.js", "/console/assets/..%2Fconsole.css", "/console/assets/sql/orders/list-orders.sql"}) {
            HttpResponse<String> missing = call("GET", bad, headers());
            assertThat(missing.statusCode()).as(bad).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        }
        // a route may not hand out a cookie the console did not choose, even one a request sent
        assertThat(call("GET", "/api/v1/orders", headers("X-API-Key", Bundle.API_KEY, "Set-Cookie", "evil=1"))
                .headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theWebhookInboxListIsCheckedAndAnswersWithoutBodies() throws Exception {
        HttpResponse<String> bad = bundle.get("/admin/webhooks/inbox?provider=acme", Bundle.ADMIN_KEY);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error").get("field").asText()).isEqualTo("provider");
        assertThat(bundle.get("/admin/webhooks/inbox?limit=0", Bundle.ADMIN_KEY).statusCode()).isEqualTo(400);
        assertThat(bundle.get("/admin/webhooks/inbox?verdict=DROP%20TABLE", Bundle.ADMIN_KEY).statusCode()).isEqualTo(400);
        bundle.execute("INSERT INTO webhook_inbox (provider, event_id, event_type, order_ref, raw_body, verdict) VALUES (?, ?, ?, ?, ?, ?)",
                "unigox", "evt-console-1", "order.status.changed", "ugx-1", "{\"secret\":\"body\"}", "applied");

        HttpResponse<String> r = bundle.get("/admin/webhooks/inbox?provider=unigox&order_ref=ugx-1", Bundle.ADMIN_KEY);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode webhooks = JSON.readTree(r.body()).get("webhooks");
        assertThat(webhooks).hasSize(1);
        assertThat(webhooks.get(0).get("verdict").asText()).isEqualTo("applied");
        assertThat(r.body()).doesNotContain("secret");
    }

    @Test
    void anOrderIsFoundByAnyOfItsIdsAndOrphansAreListed() throws Exception {
        String orderId = bundle.createOrder("unigox", "created");
        bundle.execute("UPDATE orders SET client_order_id = ? WHERE id = ?", "client-" + orderId, orderId);

        for (String[] id : new String[][] {{orderId, "id"}, {"up-" + orderId, "provider_order_id"}, {"client-" + orderId, "client_order_id"}}) {
            HttpResponse<String> r = bundle.get("/admin/orders/lookup?id=" + id[0], VIEWER_KEY);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode orders = JSON.readTree(r.body()).get("orders");
            assertThat(orders).as(id[1]).hasSize(1);
            assertThat(orders.get(0).get("id").asText()).isEqualTo(orderId);
            assertThat(orders.get(0).get("matched").asText()).isEqualTo(id[1]);
        }
        assertThat(JSON.readTree(bundle.get("/admin/orders/lookup?id=nobody", Bundle.ADMIN_KEY).body()).get("orders")).isEmpty();
        for (String bad : new String[] {"", "a%00b", "x".repeat(101)}) {
            HttpResponse<String> refused = bundle.get("/admin/orders/lookup?id=" + bad, Bundle.ADMIN_KEY);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("error").get("field").asText()).isEqualTo("id");
        }

        bundle.execute("INSERT INTO reconciliation_orphans (provider, provider_order_id, provider_status, first_seen_run, last_seen_run) "
                + "VALUES ('changelly', 'orphan-1', 'pending', 7, 9)");
        HttpResponse<String> orphans = bundle.get("/admin/reconciliation/orphans", VIEWER_KEY);
        assertThat(orphans.statusCode()).as(orphans.body()).isEqualTo(200);
        JsonNode first = JSON.readTree(orphans.body()).get("orphans").get(0);
        assertThat(first.get("provider_order_id").asText()).isEqualTo("orphan-1");
        assertThat(first.get("last_seen_run").asLong()).isEqualTo(9);
        assertThat(bundle.get("/admin/reconciliation/orphans?limit=201", Bundle.ADMIN_KEY).statusCode()).isEqualTo(400);
    }
}
