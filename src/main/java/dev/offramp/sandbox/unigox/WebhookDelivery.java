package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The record of one delivery of one event: what it was about, where it went and how it ended. The
 * delivery thread fills in the outcome, so the mutable part is guarded by this object.
 */
final class WebhookDelivery {

    enum State { HELD, QUEUED, DELIVERED, FAILED, DROPPED, NOT_SENT }

    private final WebhookEvent event;
    private String url;
    private State state;
    private Integer httpStatus;
    private String error;
    private Instant attemptedAt;

    WebhookDelivery(WebhookEvent event, State state) {
        this.event = event;
        this.state = state;
    }

    WebhookEvent event() {
        return event;
    }

    synchronized void queuedFor(String url) {
        this.url = url;
        this.state = State.QUEUED;
    }

    synchronized void notSent(String reason) {
        this.state = State.NOT_SENT;
        this.error = reason;
    }

    synchronized void answered(int httpStatus, Instant at) {
        this.httpStatus = httpStatus;
        this.attemptedAt = at;
        this.state = httpStatus / 100 == 2 ? State.DELIVERED : State.FAILED;
    }

    synchronized void failed(String error, Instant at) {
        this.error = error;
        this.attemptedAt = at;
        this.state = State.FAILED;
    }

    synchronized boolean delivered() {
        return state == State.DELIVERED;
    }

    synchronized Integer httpStatus() {
        return httpStatus;
    }

    synchronized Map<String, Object> view() {
        return UnigoxJson.object(
                "event_id", event.eventId(),
                "event_type", event.eventType(),
                "order_id", event.orderId(),
                "user_uuid", event.userUuid(),
                "status", event.status(),
                "url", url,
                "state", state.name().toLowerCase(Locale.ROOT),
                // null while the outcome is not known yet (held or queued)
                "delivered", state == State.HELD || state == State.QUEUED ? null : state == State.DELIVERED,
                "dropped", state == State.DROPPED,
                "http_status", httpStatus,
                "error", error,
                "attempted_at", Times.iso(attemptedAt));
    }
}
