package dev.offramp.sandbox.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The business's end of the events, played on the embedded profile: keeps the last 200 deliveries it got
 * (headers and exact body, so a test or a walkthrough can check the signature with any Standard Webhooks
 * implementation) and logs each. It can be told to answer the next {@code count} deliveries with a status
 * (a 500 to see retries, a 410 to see the destination disabled), or to hold the next ones a while before
 * answering (an event in flight). It does not verify signatures itself: a
 * receiver sharing our signer would prove nothing.
 */
public final class EventsReceiver {

    static final int KEPT = 200;

    private final Deque<Map<String, Object>> received = new ArrayDeque<>();
    private int failWith;
    private int failCount;
    private int holdFor;
    private int holdCount;

    /**
     * The status to answer this delivery with: 204, or the armed failure; given only after the armed hold,
     * if any (the delivery is kept at once, so a test sees it arrive while its sender still waits).
     *
     * @param traceparent the W3C trace context the delivery came with (tracing on), or null
     */
    public int receive(String id, String timestamp, String signature, String traceparent, String body) {
        long holdMillis;
        int status;
        synchronized (this) {
            status = keep(id, timestamp, signature, traceparent, body);
            holdMillis = holdCount > 0 ? holdFor : 0;
            if (holdCount > 0) {
                holdCount--;
            }
        }
        if (holdMillis > 0) {
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return status;
    }

    private int keep(String id, String timestamp, String signature, String traceparent, String body) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("webhook_id", id);
        delivery.put("webhook_timestamp", timestamp);
        delivery.put("webhook_signature", signature);
        delivery.put("body", body);
        if (traceparent != null) {
            delivery.put("traceparent", traceparent);
        }
        delivery.put("received_at", Instant.now().toString());
        int status = 204;
        if (failCount > 0) {
            failCount--;
            status = failWith;
        }
        delivery.put("answered", status);
        received.addLast(delivery);
        while (received.size() > KEPT) {
            received.removeFirst();
        }
        return status;
    }

    /** Answer the next {@code count} deliveries only after {@code millis} (1-30,000): an event in flight, to watch. */
    public synchronized Map<String, Object> holdNext(int millis, int count) {
        if (millis < 1 || millis > 30_000 || count < 0 || count > 1000) {
            throw new IllegalArgumentException("ms must be 1-30000 and count 0-1000");
        }
        holdFor = millis;
        holdCount = count;
        return Map.of("hold_ms", millis, "count", count);
    }

    /** Answer the next {@code count} deliveries with {@code status} (400-599). */
    public synchronized Map<String, Object> failNext(int status, int count) {
        if (status < 400 || status > 599 || count < 0 || count > 1000) {
            throw new IllegalArgumentException("status must be 400-599 and count 0-1000");
        }
        failWith = status;
        failCount = count;
        return Map.of("fail_with", status, "count", count);
    }

    public synchronized Map<String, Object> received() {
        return Map.of("received", new ArrayList<>(received));
    }
}
