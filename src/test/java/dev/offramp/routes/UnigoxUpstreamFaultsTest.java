package dev.offramp.routes;

import dev.offramp.contract.UnigoxContractExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.offramp.app.OffRampApplication;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Unigox misbehaving at the HTTP level, played by a bare JDK server standing in for UNIGOX_BASE_URL:
 * a 5xx becomes 502 with the upstream kept, a non-JSON error page 502 without its text, a response
 * that never comes 504, and nothing is written (the user's Unigox account stays unlinked).
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18185", "offramp.management-port=19185",
            "offramp.db.url=jdbc:h2:mem:unigox-faults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "unigox.base-url=http://localhost:18295", "unigox.webhook.register-on-startup=false",
            "unigox.response-timeout-ms=800", // failures are driven on purpose here: the breakers stay closed (CircuitBreakerTest covers them)
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
class UnigoxUpstreamFaultsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicReference<String> MODE = new AtomicReference<>("500");
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final HttpServer UPSTREAM = start();

    @BeanInject
    CamelContext context;

    Bundle bundle;

    static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 18295), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                switch (MODE.get()) {
                    case "hang" -> {
                        try {
                            NEVER.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    case "html" -> reply(exchange, 503, "text/html", "<html>internal stack trace with secrets</html>");
                    default -> reply(exchange, 500, "application/json",
                            "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"database unavailable\",\"details\":null}}");
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @AfterAll
    void stop() {
        NEVER.countDown();
        UPSTREAM.stop(0);
    }

    @BeforeEach
    void setUp() {
        bundle = new Bundle(context);
    }

    /**
     * Our user (created locally: no upstream call, so it always works), then its first need of Unigox,
     * which links the Unigox account with create-or-get: the call that meets the failure.
     */
    HttpResponse<String> linkUser() throws Exception {
        HttpResponse<String> created = bundle.post("/api/v1/users", "{\"user_ref\":\"fault-user\",\"email\":\"fault@example.com\"}");
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);
        return bundle.get("/api/v1/users/" + JSON.readTree(created.body()).get("id").asText() + "/payment-details");
    }

    /** Users linked to a Unigox account: none, whatever failed. */
    java.util.List<java.util.Map<String, Object>> linkedUsers() throws Exception {
        return bundle.query("SELECT * FROM users WHERE unigox_user_uuid IS NOT NULL OR unigox_linked_at IS NOT NULL");
    }

    @Test
    void upstream5xxIsA502WithTheUpstreamCodeKept() throws Exception {
        MODE.set("500");
        HttpResponse<String> r = linkUser();

        assertThat(r.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("upstream_error");
        assertThat(error.get("upstream").get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(linkedUsers()).isEmpty();
    }

    @Test
    void anErrorPageIsA502WithoutItsText() throws Exception {
        MODE.set("html");
        HttpResponse<String> r = linkUser();

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).doesNotContain("secrets").doesNotContain("<html>");
    }

    @Test
    void noAnswerIsA504() throws Exception {
        MODE.set("hang");
        HttpResponse<String> r = linkUser();

        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(r.body()).get("error").get("code").asText()).isEqualTo("upstream_timeout");
        assertThat(linkedUsers()).isEmpty();
    }
}
