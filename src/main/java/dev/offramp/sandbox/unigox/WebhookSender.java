package dev.offramp.sandbox.unigox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partner's webhook subscription and the delivery of every event to it.
 *
 * <p>Events are sent one after another on a single background thread, in the order they were
 * published, so the API call that caused an event never waits for it and only {@link WebhookMode#REORDER}
 * can change the order. Each POST carries the headers of the real platform ({@code User-Agent},
 * {@code X-Unigox-Timestamp}, {@code X-Unigox-Signature}) and may take 3 s to connect and 10 s in all;
 * redirects are not followed. A failed delivery is recorded and not retried (the real platform
 * retries for ~3.5 days; a receiver test that needs a second attempt can re-trigger the event).
 * Every event produced, sent or not, is in {@link #deliveries()}.
 */
final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookSigner signer;
    private final Clock clock;
    /**
     * Made at the first delivery, on the delivery thread (the only one that uses it): building a JDK
     * HttpClient sets up TLS, about 0.1 s of every sandbox start-up (BENCHMARKS.md, session 5).
     */
    private HttpClient http;
    private final ExecutorService deliveryThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unigox-sim-webhooks");
        t.setDaemon(true);
        return t;
    });

    // guarded by this
    private final List<WebhookDelivery> log = new ArrayList<>();
    private String url;
    private WebhookMode mode = WebhookMode.NORMAL;
    private WebhookDelivery held;
    /** Bumped by reset, so deliveries queued before it are dropped instead of sent. */
    private long generation;

    WebhookSender(WebhookSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    synchronized void register(String url) {
        this.url = url;
    }

    synchronized void unregister() {
        this.url = null;
    }

    synchronized String url() {
        return url;
    }

    synchronized WebhookMode mode() {
        return mode;
    }

    /** Leaving {@code reorder} sends the event it still holds, so nothing is lost by switching. */
    synchronized void setMode(WebhookMode newMode) {
        if (newMode != WebhookMode.REORDER && held != null) {
            enqueue(held);
            held = null;
        }
        mode = newMode;
    }

    /** Sends the event in the background according to the current mode; never blocks on the network. */
    synchronized void publish(WebhookEvent event) {
        switch (mode) {
            case NORMAL -> enqueue(record(event, WebhookDelivery.State.QUEUED));
            case DUPLICATE_SAME_ID -> {
                enqueue(record(event, WebhookDelivery.State.QUEUED));
                enqueue(record(event, WebhookDelivery.State.QUEUED));
            }
            case DUPLICATE_NEW_ID -> {
                enqueue(record(event, WebhookDelivery.State.QUEUED));
                enqueue(record(event.withNewEventId(), WebhookDelivery.State.QUEUED));
            }
            case REORDER -> {
                WebhookDelivery delivery = record(event, WebhookDelivery.State.HELD);
                if (held == null) {
                    held = delivery;
                } else {
                    enqueue(delivery);
                    enqueue(held);
                    held = null;
                }
            }
            case DROP -> record(event, WebhookDelivery.State.DROPPED);
            case DROP_REFUND -> {
                if (event.isAboutARefund()) {
                    record(event, WebhookDelivery.State.DROPPED);
                } else {
                    enqueue(record(event, WebhookDelivery.State.QUEUED));
                }
            }
        }
    }

    /**
     * Sends the test ping now, whatever the mode, behind any deliveries already queued; the future
     * completes with its outcome. Null when no URL is registered.
     */
    synchronized CompletableFuture<WebhookDelivery> sendTest(WebhookEvent event) {
        if (url == null) {
            return null;
        }
        return enqueue(record(event, WebhookDelivery.State.QUEUED));
    }

    synchronized List<Map<String, Object>> deliveries() {
        return log.stream().map(WebhookDelivery::view).toList();
    }

    /** Forgets the URL, the mode, a held event and the log; deliveries still queued are not sent. */
    synchronized void reset() {
        url = null;
        mode = WebhookMode.NORMAL;
        held = null;
        log.clear();
        generation++;
    }

    @Override
    public void close() {
        deliveryThread.shutdownNow();
    }

    private WebhookDelivery record(WebhookEvent event, WebhookDelivery.State state) {
        WebhookDelivery delivery = new WebhookDelivery(event, state);
        log.add(delivery);
        return delivery;
    }

    private CompletableFuture<WebhookDelivery> enqueue(WebhookDelivery delivery) {
        CompletableFuture<WebhookDelivery> outcome = new CompletableFuture<>();
        if (url == null) {
            delivery.notSent("webhook URL is not set");
            outcome.complete(delivery);
            return outcome;
        }
        String target = url;
        long queuedIn = generation;
        delivery.queuedFor(target);
        try {
            deliveryThread.execute(() -> {
                if (isCurrent(queuedIn)) {
                    deliver(delivery, target);
                }
                outcome.complete(delivery);
            });
        } catch (RejectedExecutionException e) {
            delivery.notSent("the simulator has stopped");
            outcome.complete(delivery);
        }
        return outcome;
    }

    private synchronized boolean isCurrent(long queuedIn) {
        return queuedIn == generation;
    }

    /** Called on the delivery thread only. */
    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    private void deliver(WebhookDelivery delivery, String target) {
        byte[] body = delivery.event().body();
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "unigox-webhooks/1.0")
                    .header("X-Unigox-Timestamp", Long.toString(timestamp))
                    .header("X-Unigox-Signature", signer.sign(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
            delivery.answered(response.statusCode(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.failed("interrupted: the simulator is stopping", clock.instant());
        } catch (Exception e) {
            LOG.info("webhook {} to {} failed: {}", delivery.event().eventId(), target, e.toString());
            delivery.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    clock.instant());
        }
    }
}
