package dev.offramp.sandbox.changelly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers callbacks: {@code POST <callback-url>} with the order as JSON and {@code x-callback-signature},
 * one at a time on one background thread, so they arrive in the order they were queued, and never inside
 * the API call that caused them. Each attempt is recorded; there are no retries (the upstream's retry policy
 * is undocumented, and a receiver must cope with lost callbacks anyway).
 */
final class CallbackDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String url;
    private final CallbackSigner signer;
    private final Clock clock;
    /**
     * Made at the first callback, on the worker thread (the only one that uses it): building a JDK
     * HttpClient sets up TLS, part of every sandbox start-up otherwise (BENCHMARKS.md, session 5).
     */
    private HttpClient http;
    private final ExecutorService worker;
    private final AtomicLong sequence = new AtomicLong();
    /** Bumped by {@link #reset}: callbacks queued before it are dropped, not sent or recorded. */
    private final AtomicLong epoch = new AtomicLong();
    private final List<CallbackDelivery> deliveries = new ArrayList<>();

    CallbackDispatcher(String url, CallbackSigner signer, Clock clock) {
        this.url = url;
        this.signer = signer;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "changelly-sandbox-callbacks");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues one callback; returns at once. */
    void send(String orderId, Map<String, Object> body, String reason) {
        long queuedIn = epoch.get();
        long number = sequence.incrementAndGet();
        String json = ChangellyJson.write(body);
        try {
            worker.execute(() -> deliver(queuedIn, number, orderId, body, json, reason));
        } catch (RejectedExecutionException e) {
            // stopped with the bundle: nothing is sent any more, but the attempt stays visible
            record(queuedIn, new CallbackDelivery(number, orderId, String.valueOf(body.get("status")), reason, url, null, body,
                    null, "not sent: the simulator is stopped", clock.instant()));
        }
    }

    /** Called on the worker thread only. */
    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    private void deliver(long queuedIn, long number, String orderId, Map<String, Object> body, String json, String reason) {
        if (queuedIn != epoch.get()) {
            return;
        }
        String status = String.valueOf(body.get("status"));
        String signature = signer.sign(orderId);
        Integer httpStatus = null;
        String error = null;
        if (url.isEmpty()) {
            error = "no callback URL configured (sandbox.changelly.callback-url)";
        } else {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("x-callback-signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
                httpStatus = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted: simulator stopping";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        CallbackDelivery delivery = new CallbackDelivery(number, orderId, status, reason, url, signature, body,
                httpStatus, error, clock.instant());
        if (url.isEmpty()) {
            // switched off on purpose: recorded, but not worth a warning each time
            LOG.debug("Changelly sandbox: callback #{} for order {} recorded, not sent: {}", number, orderId, error);
        } else if (!delivery.delivered()) {
            LOG.warn("Changelly sandbox: callback #{} ({} {}) for order {} not delivered: {}",
                    number, reason, status, orderId, error != null ? error : "HTTP " + httpStatus);
        }
        record(queuedIn, delivery);
    }

    private void record(long queuedIn, CallbackDelivery delivery) {
        synchronized (deliveries) {
            if (queuedIn == epoch.get()) {
                deliveries.add(delivery);
            }
        }
    }

    /** Every attempt since the last reset, oldest first. */
    List<CallbackDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    void reset() {
        synchronized (deliveries) {
            epoch.incrementAndGet();
            deliveries.clear();
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
