package dev.offramp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real bundle jar started as {@code java -jar target/offramp-bundle.jar} from the repository root
 * (it reads ./routes and ./config), configured only through environment variables, on loopback ports.
 * Every started process is written to the pids file so bench/run's trap can end it, and destroyed by a
 * shutdown hook as well.
 */
final class Bundle implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** config/application.properties' camel.main.routes-include-pattern, and the bench's routes. */
    static final String ROUTES = "file:routes/**/*.camel.yaml,file:bench/routes/*.camel.yaml";

    static Path root;
    static Path pidsFile;
    static Path logDir;

    final int httpPort;
    final int managementPort;
    final Process process;
    final long startNanos;
    final Path log;
    double startSeconds = Double.NaN;

    private Bundle(int httpPort, int managementPort, Process process, long startNanos, Path log) {
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.process = process;
        this.startNanos = startNanos;
        this.log = log;
    }

    static Bundle start(String name, int httpPort, Map<String, String> env, List<String> jvmArgs) throws IOException {
        Path log = logDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        // extra JVM options for every bundle started, e.g. a JFR recording while profiling a benchmark
        String extra = System.getenv("BENCH_BUNDLE_JVM_ARGS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-jar");
        cmd.add("target/offramp-bundle.jar");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OFFRAMP_") || k.startsWith("UNIGOX_")
                || k.startsWith("CHANGELLY_") || k.startsWith("CAMEL_") || k.startsWith("SANDBOX_"));
        pb.environment().put("OFFRAMP_HTTP_PORT", Integer.toString(httpPort));
        pb.environment().put("OFFRAMP_MANAGEMENT_PORT", Integer.toString(httpPort + 1));
        pb.environment().put("OFFRAMP_RECONCILE_ENABLED", "false");
        pb.environment().put("SANDBOX_UNIGOX_STEP_SECONDS", "0");
        pb.environment().put("SANDBOX_CHANGELLY_STEP_SECONDS", "0");
        // the bundle's routes and the bench's own baseline route (GET /sandbox/bench/ok), which lives in
        // bench/routes: the bundle does not load it unless asked
        pb.environment().put("CAMEL_MAIN_ROUTES_INCLUDE_PATTERN", ROUTES);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Files.writeString(pidsFile, p.pid() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return new Bundle(httpPort, httpPort + 1, p, t0, log);
    }

    /**
     * Starts and waits for health. A bundle killed from outside before it became healthy (exit 143/137:
     * another job on the machine ending java processes) is started once more, and the retry noted.
     */
    static Bundle startHealthy(String name, int httpPort, Map<String, String> env, List<String> jvmArgs) throws Exception {
        Bundle b = start(name, httpPort, env, jvmArgs);
        try {
            b.awaitHealthy(120);
            return b;
        } catch (IllegalStateException e) {
            b.close();
            int code = b.process.exitValue();
            if (code != 143 && code != 137) {
                throw e;
            }
            System.err.println("bundle " + name + " was killed from outside (exit " + code + ") while starting; starting it again");
            Bundle again = start(name + "-retry", httpPort, env, jvmArgs);
            try {
                again.awaitHealthy(120);
                return again;
            } catch (Exception e2) {
                again.close();
                throw e2;
            }
        }
    }

    /** Polls /observe/health every 20 ms; the seconds from process start to the first 200. */
    double awaitHealthy(long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/observe/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bundle exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startSeconds = (System.nanoTime() - startNanos) / 1e9;
                    return startSeconds;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("bundle not healthy after " + timeoutSeconds + " s; see " + log);
    }

    /**
     * CPU time the bundle's process has used so far (every thread: requests, deliveries, JIT, GC), in ms.
     * Per answer it is steadier than a rate on a shared, noisy machine, and it does not count the driver.
     */
    double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    /**
     * CPU time the bundle's JIT compiler threads (C1 and C2) have used so far, in ms, from
     * /proc/<pid>/task/<tid>/stat (utime + stime, clock ticks of 10 ms). A short run pays for compiling the
     * code it exercises (session 13's profile: 38% of a full events-h2 run), which a long-running bundle pays
     * once; subtracted, the CPU per answer comes closer to a warmed-up process's.
     */
    double jitCpuMillis() throws IOException {
        double ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
                }
            }
        }
        return ticks * 10;
    }

    /** VmRSS of the bundle JVM in MB. */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Sum of jvm_memory_used_bytes{area="heap"} over the pools, in MB; NaN when it cannot be read. */
    double heapUsedMb() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/observe/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum / (1024 * 1024);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    HttpResponse<String> call(String method, String path, String apiKey, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> unigox(String method, String path, String json) throws Exception {
        return call(method, "/sandbox/unigox" + path, "sandbox-unigox-key", json);
    }

    /** SIGTERM (graceful), then SIGKILL after 30 s. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
