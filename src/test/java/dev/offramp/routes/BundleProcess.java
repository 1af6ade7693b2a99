package dev.offramp.routes;

import static org.awaitility.Awaitility.await;

import dev.offramp.config.ConfigFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bundle started as its own JVM from the project root, exactly as the run command starts it,
 * with an environment we control (the variables of the configuration contract are removed first).
 */
final class BundleProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private BundleProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * The environment of a bundle on the database at {@code dbUrl}: the API on {@code port}, management on
     * {@code port + 1000}, no simulators, no scheduled reconciliation, no webhook registration at start-up.
     * Mutable, for a test's own additions.
     */
    static Map<String, String> withoutSimulators(int port, String dbUrl) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("OFFRAMP_HTTP_PORT", Integer.toString(port));
        env.put("OFFRAMP_MANAGEMENT_PORT", Integer.toString(port + 1000));
        env.put("OFFRAMP_DB_URL", dbUrl);
        env.put("OFFRAMP_RECONCILE_ENABLED", "false");
        env.put("UNIGOX_WEBHOOK_REGISTER_ON_STARTUP", "false");
        env.put("OFFRAMP_SANDBOX", "false");
        return env;
    }

    /**
     * The embedded database URL exactly as shipped ({@code offramp.db.url} in config/application.properties),
     * on {@code file} instead of ./data/offramp: what a deployment on the default gets, settings included.
     */
    static String shippedH2Url(Path file) {
        String url = ConfigFiles.embeddedDefaults().getProperty("offramp.db.url").trim();
        String embedded = "jdbc:h2:file:./data/offramp;";
        if (!url.startsWith(embedded)) {
            throw new IllegalStateException("offramp.db.url is no longer " + embedded + "...: " + url);
        }
        return "jdbc:h2:file:" + file.toAbsolutePath() + url.substring(embedded.length() - 1);
    }

    /**
     * The shipped URL as someone might type it into {@code OFFRAMP_DB_URL} by hand: without
     * {@code WRITE_DELAY=0}, which the bundle must then add itself (EmbeddedDatabaseUrl).
     */
    static String handTypedH2Url(Path file) {
        String shipped = shippedH2Url(file);
        String typed = shipped.replace(";WRITE_DELAY=0", "");
        if (typed.equals(shipped)) {
            throw new IllegalStateException("the shipped URL no longer sets WRITE_DELAY=0: " + shipped);
        }
        return typed;
    }

    static BundleProcess start(Map<String, String> env) throws IOException {
        return start(env, Path.of(System.getProperty("user.dir")));
    }

    /** Started in another bundle root: one with its own routes/ and config/ (the bundle reads both relative to it). */
    static BundleProcess start(Map<String, String> env, Path root) throws IOException {
        Path output = Files.createTempFile("bundle-process", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.offramp.app.OffRampApplication")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OFFRAMP_") || k.startsWith("UNIGOX_")
                || k.startsWith("CHANGELLY_") || k.startsWith("CAMEL_"));
        pb.environment().putAll(env);
        return new BundleProcess(pb.start(), output);
    }

    private static final HttpClient HTTP = TestHttp.client(Duration.ofSeconds(2));

    /**
     * Waits (up to 90 s) until the bundle answers the API on {@code port}: GET /api/v1/orders with the dev
     * key is a 200. Fails with the end of its log when it never does.
     */
    void awaitAnswering(int port) throws IOException {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> answers(port));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String log = output();
            throw new AssertionError("bundle on " + port + " did not start:\n" + log.substring(Math.max(0, log.length() - 4000)), e);
        }
    }

    private static boolean answers(int port) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders"))
                    .header("X-API-Key", "dev-api-key").timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Waits for the process to end by itself; null if it is still running after the timeout. */
    Integer exitCode(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** kill -9: no shutdown hook, no graceful stop, nothing flushed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a container runtime stops it: the graceful stop, shutdown hooks included; does not wait. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(output);
    }
}
