package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import dev.offramp.http.MultipartForm;
import dev.offramp.http.Upload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16, class 7: every answer of the server, on any path and with any method, is the bundle's JSON
 * error {"error":{"code","message","field","upstream"}} with Content-Type application/json: unknown paths
 * (404), known paths with another method (405, with Allow), broken multipart bodies (400), NUL in query
 * parameters and path segments (400), the management port's unknown paths (404). None of these client
 * errors is logged as an ERROR, and none writes anything.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18442", "offramp.management-port=19442",
            "offramp.db.url=jdbc:h2:mem:json-errors-everywhere;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0", "unigox.webhook.register-on-startup=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonErrorsEverywhereTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(5));
    static final List<LogEvent> LOGGED = new CopyOnWriteArrayList<>();
    static AbstractAppender capture;

    @BeanInject
    CamelContext context;

    Bundle bundle;
    String userId;

    @BeforeAll
    static void captureTheLog() {
        capture = new AbstractAppender("json-errors-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                LOGGED.add(event.toImmutable());
            }
        };
        capture.start();
        LoggerContext log = (LoggerContext) LogManager.getContext(false);
        log.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        log.updateLoggers();
    }

    @AfterAll
    static void stopCapturing() {
        LoggerContext log = (LoggerContext) LogManager.getContext(false);
        log.getConfiguration().getRootLogger().removeAppender(capture.getName());
        log.updateLoggers();
        capture.stop();
    }

    @BeforeEach
    void setUp() throws Exception {
        bundle = new Bundle(context);
        if (userId == null) {
            userId = bundle.insertUser("json-errors-user");
        }
        LOGGED.clear();
    }


    HttpResponse<String> call(int port, String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String method, String path, byte[] body, String... headers) throws Exception {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "X-API-Key";
        all[headers.length + 1] = path.startsWith("/admin") ? Bundle.ADMIN_KEY : Bundle.API_KEY;
        return call(18442, method, path, body, all);
    }

    /** The answer is the bundle's JSON error with this status; answers its error object. */
    static JsonNode jsonError(HttpResponse<String> r, int status) throws Exception {
        String what = r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " " + r.body();
        assertThat(r.statusCode()).as(what).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error).as(what).isNotNull();
        assertThat(error.has("code") && error.has("message") && error.has("field") && error.has("upstream")).as(what).isTrue();
        assertThat(r.body()).as(what).doesNotContainIgnoringCase("exception").doesNotContain("<html").doesNotContain("test-api-key");
        return error;
    }

    void noErrorWasLogged() {
        assertThat(LOGGED).as("client errors are not logged as ERROR")
                .noneMatch(e -> e.getLevel().isMoreSpecificThan(Level.ERROR));
    }

    @Test
    void unknownPathsAre404JsonEverywhere() throws Exception {
        Map<String, Object> before = bundle.footprint();
        for (String path : List.of("/", "/nope", "/index.html", "/api", "/api/", "/api/v1", "/api/v2/orders", "/api/v1/nope",
                "/api/v1/orders/" + UUID.randomUUID() + "/nope", "/admin", "/admin/nope", "/admin/dead-letters/1/nope",
                "/webhooks", "/webhooks/nope", "/webhooks/unigox/extra", "/sandbox", "/sandbox/nope", "/observe/health", "/%2e%2e/etc/passwd")) {
            jsonError(api("GET", path, null), 404);
            jsonError(call(18442, "GET", path, null), 404);
            jsonError(call(18442, "POST", path, "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"), 404);
        }
        jsonError(call(19442, "GET", "/nope", null), 404);
        jsonError(call(19442, "GET", "/observe/nope", null), 404);
        assertThat(bundle.footprint()).isEqualTo(before);
        noErrorWasLogged();
    }

    @Test
    void wrongMethodsOnKnownPathsAre405JsonWithAllow() throws Exception {
        Map<String, Object> before = bundle.footprint();
        String order = "/api/v1/orders/" + UUID.randomUUID();
        Object[][] cases = {
            {"DELETE", "/api/v1/users", "POST"},
            {"PUT", order, "GET"},
            {"DELETE", "/api/v1/offramp/orders", "POST"},
            {"GET", order + "/cancel", "POST"},
            {"PATCH", "/admin/dead-letters", "GET"},
            {"GET", "/webhooks/unigox", "POST"},
            {"PUT", "/webhooks/changelly", "POST"},
        };
        for (Object[] c : cases) {
            HttpResponse<String> r = api((String) c[0], (String) c[1], null);
            jsonError(r, 405);
            assertThat(r.headers().firstValue("Allow").orElse("")).as(c[1] + " " + r.headers().map()).contains((String) c[2]);
        }
        jsonError(call(19442, "POST", "/observe/health", new byte[0]), 405);
        assertThat(bundle.footprint()).isEqualTo(before);
        noErrorWasLogged();
    }

    @Test
    void anAcceptHeaderNoRouteAnswersIs406JsonNotA405() throws Exception {
        String order = "/api/v1/orders/" + UUID.randomUUID();
        for (String accept : List.of("text/html", "application/xml")) {
            HttpResponse<String> r = api("GET", "/api/v1/orders", null, "Accept", accept);
            assertThat(jsonError(r, 406).get("code").asText()).isEqualTo("not_acceptable");
            assertThat(r.headers().firstValue("Allow")).isEmpty();
            jsonError(api("POST", order + "/cancel", null, "Accept", accept), 406);
        }
        // what browsers and most clients send still gets the JSON answer
        assertThat(api("GET", "/api/v1/orders", null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").statusCode()).isEqualTo(200);
        assertThat(api("GET", "/api/v1/orders", null, "Accept", "application/json").statusCode()).isEqualTo(200);
        noErrorWasLogged();
    }

    @Test
    void theDocsServeOnlyTheirOwnFilesAndAnswerTheJsonErrorOtherwise() throws Exception {
        for (String path : List.of("/api/docs/swagger-ui/index.html", "/api/docs/swagger-ui/swagger-initializer.js",
                "/api/docs/swagger-ui/..%2F..%2F..%2Fmaven%2Forg.webjars%2Fswagger-ui%2Fpom.properties", "/api/docs/nope")) {
            jsonError(call(18442, "GET", path, null), 404);
        }
        jsonError(call(18442, "POST", "/api/v1/openapi.json", "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"), 405);
        jsonError(call(18442, "DELETE", "/api/docs", null), 405);
        noErrorWasLogged();
    }

    @Test
    void brokenMultipartBodiesAre400Json() throws Exception {
        Map<String, Object> before = bundle.footprint();
        String path = "/api/v1/users/" + userId + "/kyc/documents";
        byte[] good = new MultipartForm("abc123").field("document_type", "passport")
                .file(new Upload("document", "p.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3})).toBytes();
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        jsonError(api("POST", path, good, "Content-Type", "multipart/form-data"), 400);
        jsonError(api("POST", path, truncated, "Content-Type", "multipart/form-data; boundary=abc123"), 400);
        jsonError(api("POST", path, good, "Content-Type", "multipart/form-data; boundary=other"), 400);
        jsonError(api("POST", path, "garbage".getBytes(StandardCharsets.UTF_8), "Content-Type", "multipart/form-data; boundary=abc123"), 400);
        assertThat(bundle.footprint()).isEqualTo(before);
        noErrorWasLogged();
    }

    @Test
    void aNulInAQueryParameterOrPathSegmentIsA400Json() throws Exception {
        Map<String, Object> before = bundle.footprint();
        for (String path : List.of("/api/v1/orders?status=%00", "/api/v1/orders?provider=a%00b", "/api/v1/orders?page=%00",
                "/admin/dead-letters?kind=%00", "/api/v1/orders/%00", "/api/v1/users/%00/payment-details",
                "/admin/dead-letters/%00")) {
            assertThat(api("GET", path, null).statusCode()).as(path).isBetween(400, 404);
            jsonError(api("GET", path, null), api("GET", path, null).statusCode());
        }
        // a query parameter no operation reads is ignored, whatever its name: it never becomes a header
        assertThat(api("GET", "/api/v1/orders?x%00y=1", null).statusCode()).isEqualTo(200);
        assertThat(bundle.footprint()).isEqualTo(before);
        noErrorWasLogged();
    }
}
