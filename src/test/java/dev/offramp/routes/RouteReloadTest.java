package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev reload as ops use it (ROUTES_RELOAD=true): the bundle runs in a folder of its own with a copy of
 * routes/ and config/, and a route file there is edited into something broken, kind after kind. Each
 * time one log line names the file and the reason, and the file's previous routes go on answering;
 * another file still reloads meanwhile; then a good edit of the file is served.
 */
class RouteReloadTest {

    static final int PORT = 18197;
    static final int MANAGEMENT_PORT = 19197;
    static final String FILE = "routes/orders/orders-list.camel.yaml";
    static final String OTHER = "routes/bench-baseline.camel.yaml";
    static final String NOT_RELOADED = "Route file " + FILE + " not reloaded, its previous routes keep running: ";
    static final String LAST_STEP = "        - to: direct:api-respond-json\n";
    static final Duration RELOAD_WAIT = Duration.ofSeconds(60);
    static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(2));

    @TempDir
    Path root;

    @Test
    void aBrokenRouteFileKeepsItsPreviousRoutesAndTheLogSaysWhy() throws Exception {
        copyTree(Path.of("routes"), root.resolve("routes"));
        copyTree(Path.of("config"), root.resolve("config"));
        // the other file edited below: the bench's one-step route, put among this bundle's own routes
        Files.copy(Path.of("bench/routes/bench-baseline.camel.yaml"), root.resolve(OTHER));
        Path file = root.resolve(FILE);
        String good = Files.readString(file);
        assertThat(good).contains(LAST_STEP, "ref: orderViews", "variableReceive: total", "outputType: SelectOne");

        try (BundleProcess bundle = BundleProcess.start(environment(), root)) {
            awaitReady(bundle);
            HttpResponse<String> before = orders();
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.headers().firstValue("Server-Timing")).isEmpty();
            String answer = before.body();

            // found while parsing: nothing is stopped
            breakFile(bundle, file, answer, "- route:\n    id: orders-list\n    from: [unclosed\n",
                    "while parsing a flow sequence");
            breakFile(bundle, file, answer, good.replace(LAST_STEP, "        - frobnicate:\n            constant: x\n" + LAST_STEP),
                    "Unknown node id: frobnicate");
            breakFile(bundle, file, answer, good.replace("variableReceive: total", "variableReceive: total\n            bogusOption: 1"),
                    "Unsupported field: bogusOption");
            // found while creating the route, after Camel has stopped and removed the previous one
            breakFile(bundle, file, answer, good.replace("ref: orderViews", "ref: noSuchViews"),
                    "No bean could be found in the registry for: noSuchViews");
            breakFile(bundle, file, answer, good.replace("outputType: SelectOne", "outputType: SelectOne\n              bogusParam: 1"),
                    "Unknown parameters=[{bogusParam=1}]");
            breakFile(bundle, file, answer, "", "Resource is empty");

            // while this file is broken, an edit of another one is served all the same
            Path other = root.resolve(OTHER);
            String otherText = Files.readString(other);
            assertThat(otherText).contains("{\"status\":\"ok\"}");
            Files.writeString(other, otherText.replace("{\"status\":\"ok\"}", "{\"status\":\"ok-edited\"}"));
            awaitServed(bundle, () -> get("/sandbox/bench/ok", null).body().equals("{\"status\":\"ok-edited\"}"));

            // a good edit of the broken file is served (marked with a header the answers may carry: the HTTP
            // layer drops any header off its allow-list, so a made-up one would never show)
            Files.writeString(file, good.replace(LAST_STEP,
                    "        - setHeader:\n            name: Server-Timing\n            constant: \"route-version;desc=2\"\n" + LAST_STEP));
            awaitServed(bundle, () -> orders().headers().firstValue("Server-Timing").orElse("").equals("route-version;desc=2"));
            HttpResponse<String> after = orders();
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).isEqualTo(answer);
            assertThat(bundle.output()).contains("Route file " + FILE + " reloaded: routes orders-list");
        }
    }

    /** Writes a broken version of the file, waits for the log line naming it and the reason, and asks again. */
    static void breakFile(BundleProcess bundle, Path file, String answer, String broken, String reason) throws Exception {
        int from = bundle.output().length();
        Files.writeString(file, broken);
        try {
            await().atMost(RELOAD_WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> bundle.output().substring(from).lines()
                            .anyMatch(line -> line.contains(NOT_RELOADED) && line.contains(reason)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no reload failure naming " + FILE + " and \"" + reason + "\":\n"
                    + bundle.output().substring(from), e);
        }
        HttpResponse<String> still = orders();
        assertThat(still.statusCode()).as("after a broken edit (%s)", reason).isEqualTo(200);
        assertThat(still.body()).as("after a broken edit (%s)", reason).isEqualTo(answer);
        assertThat(still.headers().firstValue("Server-Timing")).isEmpty();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitServed(BundleProcess bundle, Check check) throws Exception {
        try {
            await().atMost(RELOAD_WAIT).pollInterval(Duration.ofMillis(100)).until(check::holds);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("edit not served:\n" + bundle.output(), e);
        }
    }

    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("ROUTES_RELOAD", "true");
        env.put("OFFRAMP_HTTP_PORT", Integer.toString(PORT));
        env.put("OFFRAMP_MANAGEMENT_PORT", Integer.toString(MANAGEMENT_PORT));
        env.put("OFFRAMP_DB_URL", "jdbc:h2:mem:route-reload;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        env.put("OFFRAMP_RECONCILE_ENABLED", "false");
        env.put("UNIGOX_WEBHOOK_REGISTER_ON_STARTUP", "false");
        return env;
    }

    static void awaitReady(BundleProcess bundle) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> bundle.isAlive() && orders().statusCode() == 200
                            // this bundle's own server answered, not something else on the port
                            && bundle.output().contains("HttpServer started on 0.0.0.0:" + PORT)
                            && bundle.output().contains("Live route reloading enabled"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("bundle did not start with route reload:\n" + bundle.output(), e);
        }
    }

    static HttpResponse<String> orders() throws Exception {
        return get("/api/v1/orders", "dev-api-key");
    }

    static HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
