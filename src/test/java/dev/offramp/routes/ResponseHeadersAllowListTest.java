package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.app.OffRampApplication;
import dev.offramp.http.ResponseHeaderAllowList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16, class 3: nothing a request carries comes back as a response header. Every route family is
 * asked with hostile query parameters and request headers (Set-Cookie, Access-Control-Allow-Origin, a
 * custom one), with and without a key, on the success and the error paths; every answer's header names
 * must be within the allow-list (plus the framing the server itself adds).
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18420", "offramp.management-port=19420",
            "offramp.db.url=jdbc:h2:mem:response-headers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            // the bench's baseline route as well, as bench/run asks for it: the bare route family
            "camel.main.routes-include-pattern=file:routes/**/*.camel.yaml,file:bench/routes/*.camel.yaml"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseHeadersAllowListTest {

    static final String HOSTILE_QUERY = "Set-Cookie=a%3Db&Access-Control-Allow-Origin=evil&X-Foo=1";
    static final Map<String, String> HOSTILE_HEADERS = Map.of("X-Foo", "1", "Set-Cookie", "a=b", "Access-Control-Allow-Origin", "evil");
    /** Framing the HTTP server writes itself, never from a route: how the body is delimited. */
    static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));

    @BeanInject
    CamelContext context;

    HttpResponse<String> call(int port, String method, String path, String body, Map<String, String> headers) throws Exception {
        String uri = "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + HOSTILE_QUERY;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HOSTILE_HEADERS.forEach(b::header);
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRouteFamilyAnswersOnlyAllowListedHeaders() throws Exception {
        int port = Integer.parseInt(context.resolvePropertyPlaceholders("{{offramp.http-port}}"));
        int management = Integer.parseInt(context.resolvePropertyPlaceholders("{{offramp.management-port}}"));
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> api = Map.of("Content-Type", "application/json", "X-API-Key", Bundle.API_KEY);
        Map<String, String> admin = Map.of("X-API-Key", Bundle.ADMIN_KEY);
        String webhook = "{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\","
                + "\"created_at\":\"2026-11-21T00:00:00Z\",\"data\":{\"order_id\":\"" + UUID.randomUUID() + "\",\"status\":\"completed\"}}";
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> signed = Map.of("Content-Type", "application/json", "X-Unigox-Timestamp", Long.toString(now),
                "X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", now, webhook.getBytes(StandardCharsets.UTF_8)));

        // what is asked, and the status it must answer (so each error path is really taken)
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        record Ask(String label, int port, String method, String path, String body, Map<String, String> headers, int status) {
        }
        List<Ask> asks = List.of(
                new Ask("API GET with key", port, "GET", "/api/v1/orders", null, api, 200),
                new Ask("API GET without key", port, "GET", "/api/v1/orders", null, json, 401),
                new Ask("API GET unknown id", port, "GET", "/api/v1/orders/00000000-0000-4000-8000-000000000000", null, api, 404),
                new Ask("API POST with key", port, "POST", "/api/v1/users", "{\"user_ref\":\"hdr-" + UUID.randomUUID() + "\",\"email\":\"h@example.com\"}", api, 201),
                new Ask("API POST bad JSON", port, "POST", "/api/v1/users", "{not json", api, 400),
                new Ask("API POST without key", port, "POST", "/api/v1/users", "{}", json, 401),
                new Ask("API POST too large", port, "POST", "/api/v1/users", "{\"x\":\"" + "a".repeat(300_000) + "\"}", api, 413),
                new Ask("API POST wrong type", port, "POST", "/api/v1/users", "x", Map.of("Content-Type", "text/plain", "X-API-Key", Bundle.API_KEY), 415),
                new Ask("admin with key", port, "GET", "/admin/dead-letters", null, admin, 200),
                new Ask("admin without key", port, "GET", "/admin/dead-letters", null, Map.of(), 401),
                new Ask("Unigox webhook signed", port, "POST", "/webhooks/unigox", webhook, signed, 200),
                new Ask("Unigox webhook unsigned", port, "POST", "/webhooks/unigox", webhook, json, 401),
                new Ask("Changelly webhook unsigned", port, "POST", "/webhooks/changelly", "{\"orderId\":\"x\"}", json, 401),
                new Ask("webhook wrong method", port, "GET", "/webhooks/unigox", null, Map.of(), 405),
                new Ask("Unigox sandbox without key", port, "GET", "/sandbox/unigox/api/v1/partner/orders", null, Map.of(), 401),
                new Ask("Changelly sandbox catalogue", port, "GET", "/sandbox/changelly/_sandbox/callbacks", null, Map.of(), 200),
                new Ask("sandbox bench", port, "GET", "/sandbox/bench/ok", null, Map.of(), 200),
                new Ask("unknown path", port, "GET", "/no/such/path", null, api, 404),
                new Ask("management health", management, "GET", "/observe/health", null, Map.of(), 200));
        for (Ask ask : asks) {
            HttpResponse<String> r = call(ask.port(), ask.method(), ask.path(), ask.body(), ask.headers());
            answers.put(ask.label(), r);
            seen.put(ask.label(), r.statusCode());
        }

        Map<String, Integer> expected = new LinkedHashMap<>();
        asks.forEach(a -> expected.put(a.label(), a.status()));
        assertThat(seen).isEqualTo(expected);
        answers.forEach((label, r) -> {
            Set<String> names = new HashSet<>();
            r.headers().map().keySet().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
            names.removeAll(FRAMING);
            // HTTP/2 style pseudo-header the JDK client reports the status line as
            names.remove(":status");
            assertThat(names).as(label + " answered " + r.headers().map()).allSatisfy(n -> assertThat(ResponseHeaderAllowList.allows(n)).isTrue());
        });
        // the API's own headers still go out
        assertThat(answers.get("API GET with key").headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(answers.get("API GET with key").headers().firstValue("Content-Type")).hasValue("application/json");
    }
}
