package dev.offramp.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The business's event receiver, in the bench driver's JVM (outside the bundle's, as a business's would be):
 * answers 204 at once and measures each event's lag from its write (the body's "timestamp") to its arrival.
 * Signatures are not checked here (the tests do that); ids are counted to see duplicates.
 */
final class EventsReceiver implements AutoCloseable {

    static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong firstMillis = new AtomicLong();
    private final AtomicLong lastMillis = new AtomicLong();
    private final ConcurrentHashMap<String, Boolean> ids = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile Histogram lag = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);

    EventsReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(pool);
        server.createContext("/events", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        if (ids.putIfAbsent(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")), Boolean.TRUE) != null) {
            duplicates.incrementAndGet();
        }
        Matcher m = TIMESTAMP.matcher(body);
        if (m.find()) {
            long written = Instant.parse(m.group(1)).toEpochMilli();
            synchronized (this) {
                lag.recordValue(Math.max(0, Math.min(now - written, lag.getHighestTrackableValue())));
            }
        }
        firstMillis.compareAndSet(0, now);
        lastMillis.set(now);
        received.incrementAndGet();
    }

    /** Starts a new measurement: counts, lag and first/last arrival from now on. */
    synchronized void reset() {
        lag = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        received.set(0);
        firstMillis.set(0);
        lastMillis.set(0);
    }

    long received() {
        return received.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    synchronized Histogram lag() {
        return lag.copy();
    }

    /** Events per second between the first and the last arrival since the reset. */
    double perSecond() {
        long span = lastMillis.get() - firstMillis.get();
        return span <= 0 ? Double.NaN : received.get() * 1000.0 / span;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
