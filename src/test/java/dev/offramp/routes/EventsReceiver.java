package dev.offramp.routes;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The business's receiver, outside the bundle's JVM: every delivery's signature checked with the Standard
 * Webhooks library (a second implementation), what arrived kept with the path it came to (each instance
 * under test is given its own path, so the receiver knows who sent what), and any delivery of an event
 * arriving while another delivery of the same event is still in flight counted as an overlap.
 * Path /hold/... answers only once {@link #release()} is called: an attempt in flight at a crash.
 */
final class EventsReceiver implements AutoCloseable {

    record Delivery(String path, String webhookId, String body) {
    }

    private final HttpServer server;
    private final Webhook verifier;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger forged = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);

    EventsReceiver(String secret) throws Exception {
        this.verifier = new Webhook(secret);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        AtomicInteger flying = inFlight.computeIfAbsent(id == null ? "" : id, k -> new AtomicInteger());
        if (flying.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            HttpHeaders headers = HttpHeaders.of(exchange.getRequestHeaders(), (a, b) -> true);
            verifier.verify(body, headers);
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/hold")) {
                holding.countDown();
                held.await(60, TimeUnit.SECONDS);
            }
            received.add(new Delivery(path, id, body));
            exchange.sendResponseHeaders(204, -1);
        } catch (Exception e) {
            forged.incrementAndGet();
            exchange.sendResponseHeaders(400, -1);
        } finally {
            flying.decrementAndGet();
            exchange.close();
        }
    }

    List<Delivery> received() {
        return new ArrayList<>(received);
    }

    int overlaps() {
        return overlaps.get();
    }

    int forged() {
        return forged.get();
    }

    /** Waits until a delivery is held at /hold (in flight). */
    boolean awaitHolding(long seconds) throws InterruptedException {
        return holding.await(seconds, TimeUnit.SECONDS);
    }

    void release() {
        held.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
