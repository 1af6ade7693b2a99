package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as Kubernetes or systemd stops the bundle, on the embedded H2 database: the request in flight
 * finishes and what it wrote is kept. Before, H2's own shutdown hook closed the database at once, beside
 * Camel's graceful stop, and the request failed with "Database is already closed" (logged at ERROR).
 * The bundle is its own JVM; Unigox is a bare JDK server that holds the account link's answer until the
 * stop has begun.
 */
class GracefulShutdownTest {

    static final int PORT = 18196;
    static final int UPSTREAM_PORT = 18297;
    static final String USER_UUID = "5f0c3a52-8d0e-4a8b-9a7e-2b1f4c6d8e90";
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(2));
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final CountDownLatch linkAsked = new CountDownLatch(1);
    final CountDownLatch answerLink = new CountDownLatch(1);
    HttpServer unigox;

    @AfterEach
    void stopUpstream() {
        answerLink.countDown();
        if (unigox != null) {
            unigox.stop(0);
        }
    }

    /** Unigox: the account link (POST .../users) held until the test lets it answer; anything else an empty list. */
    void startUnigox() throws IOException {
        unigox = HttpServer.create(new InetSocketAddress("localhost", UPSTREAM_PORT), 0);
        unigox.setExecutor(Executors.newCachedThreadPool());
        unigox.createContext("/", exchange -> {
            if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/users")) {
                linkAsked.countDown();
                try {
                    answerLink.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, "{\"success\":true,\"data\":{\"user_uuid\":\"" + USER_UUID + "\",\"kyc_status\":\"NOT_STARTED\"}}");
            } else {
                reply(exchange, "{\"success\":true,\"data\":[]}");
            }
        });
        unigox.start();
    }

    static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aRequestInFlightAtSigtermFinishesAndItsWriteIsKept() throws Exception {
        startUnigox();
        // the embedded URL as shipped (config/application.properties), on a file of this test's own
        String url = BundleProcess.shippedH2Url(dir.resolve("offramp"));
        Map<String, String> env = BundleProcess.withoutSimulators(PORT, url);
        env.put("UNIGOX_BASE_URL", "http://localhost:" + UPSTREAM_PORT);

        BundleProcess bundle = BundleProcess.start(env);
        String log;
        CompletableFuture<HttpResponse<String>> answer;
        String userId;
        try {
            bundle.awaitAnswering(PORT);
            HttpResponse<String> user = send("POST", "/api/v1/users", "{\"user_ref\":\"graceful-1\",\"email\":\"ada@example.com\"}");
            assertThat(created(user)).as(user.body()).isTrue();
            userId = JSON.readTree(user.body()).get("id").asText();

            // the user's first need of Unigox links the account: that call is held at Unigox
            answer = HTTP.sendAsync(request("GET", "/api/v1/users/" + userId + "/payment-details", null)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(linkAsked.await(30, TimeUnit.SECONDS)).as("the bundle asked Unigox to link the account").isTrue();

            bundle.terminate();
            await().atMost(Duration.ofSeconds(30)).until(() -> bundle.output().contains("is shutting down"));
            answerLink.countDown();

            assertThat(bundle.exitCode(60)).as("the bundle stopped").isNotNull();
            log = bundle.output();
        } finally {
            bundle.close();
        }

        HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body() + "\n" + log).isEqualTo(200);
        assertThat(log).doesNotContain("Database is already closed").doesNotContain(" ERROR ");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement q = c.prepareStatement("SELECT unigox_user_uuid FROM users WHERE id = ?")) {
            q.setString(1, userId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the link written while the bundle stopped").isEqualTo(USER_UUID);
            }
        }
    }

    static boolean created(HttpResponse<String> r) {
        return r != null && r.statusCode() >= 200 && r.statusCode() < 300;
    }

    static HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .header("X-API-Key", "dev-api-key").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> send(String method, String path, String body) {
        try {
            return HTTP.send(request(method, path, body).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception notYet) {
            return null;
        }
    }
}
