package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One event in the Unigox envelope {@code {event_id, event_type, created_at, data}}. The body bytes
 * are fixed when the event is made, so every delivery of it (same-id duplicates included) sends the
 * same bytes and the signature covers exactly them.
 *
 * @param orderId the order it is about, or null
 * @param userUuid the user it is about
 * @param status the order status or KYC status it reports, for the delivery log
 */
record WebhookEvent(String eventId, String eventType, String orderId, String userUuid, String status,
                    Map<String, Object> envelope, byte[] body) {

    static final String ORDER_STATUS_CHANGED = "order.status.changed";
    static final String ORDER_REFUND_REQUIRED = "order.refund.required";
    static final String USER_KYC_UPDATED = "user.kyc.updated";
    /** The contract leaves the test ping's type unknown; this is the simulator's choice. */
    static final String WEBHOOK_TEST = "webhook.test";

    static WebhookEvent of(String eventId, String eventType, Instant createdAt, Map<String, Object> data,
                           String orderId, String userUuid, String status) {
        Map<String, Object> envelope = UnigoxJson.object(
                "event_id", eventId,
                "event_type", eventType,
                "created_at", Times.iso(createdAt),
                "data", data);
        return new WebhookEvent(eventId, eventType, orderId, userUuid, status, envelope, UnigoxJson.writeBytes(envelope));
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID();
    }

    /** The same event under a fresh id, as the real platform's duplicate pattern sends it. */
    WebhookEvent withNewEventId() {
        String id = newEventId();
        Map<String, Object> copy = new LinkedHashMap<>(envelope);
        copy.put("event_id", id);
        return new WebhookEvent(id, eventType, orderId, userUuid, status, copy, UnigoxJson.writeBytes(copy));
    }

    /** order.refund.required, or a status change into the refund's own statuses. */
    boolean isAboutARefund() {
        return ORDER_REFUND_REQUIRED.equals(eventType)
                || "refund_pending".equals(status) || "refunded".equals(status);
    }
}
