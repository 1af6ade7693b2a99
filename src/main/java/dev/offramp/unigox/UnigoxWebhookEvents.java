package dev.offramp.unigox;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Identifiers;
import dev.offramp.http.JsonBodies;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Unigox webhook whose signature has already been checked over the raw bytes:
 * {@code {"event_id","event_type","created_at","data":{...}}}. Answers the fields the inbox and the
 * dispatch need, including the dedupe key: Unigox documents the same order transition arriving
 * twice under different event ids, so {@code order.status.changed} also dedupes on (order_id, status).
 */
public final class UnigoxWebhookEvents {

    public static final String ORDER_STATUS_CHANGED = "order.status.changed";

    @SuppressWarnings("unchecked")
    public Map<String, Object> read(byte[] rawBody) {
        Map<String, Object> envelope = JsonBodies.object(rawBody);
        String eventId = text(envelope.get("event_id"));
        if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
            throw ApiProblem.badField("event_id", "event_id is required (at most 200 characters)");
        }
        String eventType = text(envelope.get("event_type"));
        Map<String, Object> data = envelope.get("data") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> event = new HashMap<>();
        event.put("event_id", eventId);
        event.put("event_type", eventType == null ? "" : eventType);
        event.put("order_id", text(data.get("order_id")));
        event.put("status", text(data.get("status")));
        // user_uuid in the latest contract, user_id in earlier renderings of the same payload
        event.put("user_uuid", text(data.get("user_uuid") != null ? data.get("user_uuid") : data.get("user_id")));
        event.put("kyc_status", text(data.get("kyc_status")));
        event.put("created_at", createdAt(envelope.get("created_at")));
        // kept as the list it is: users-record-kyc-status stores it as a JSON array (UnigoxKyc)
        event.put("rejection_reasons", data.get("rejection_reasons") instanceof List<?> reasons
                ? reasons.stream().map(String::valueOf).toList() : null);
        // after the reading, the identifiers: a delivery that holds one we cannot store or trust is kept
        // all the same, as a dead letter (ReadUnigoxWebhook), not answered with a 5xx Unigox would retry
        requireIdentifier("event_id", eventId, 200);
        requireIdentifier("event_type", eventType, 100);
        requireIdentifier("order_id", (String) event.get("order_id"), 100);
        requireIdentifier("status", (String) event.get("status"), 100);
        requireIdentifier("user_uuid", (String) event.get("user_uuid"), 100);
        requireIdentifier("kyc_status", (String) event.get("kyc_status"), 100);
        event.put("dedupe_key", ORDER_STATUS_CHANGED.equals(eventType) && event.get("order_id") != null && event.get("status") != null
                ? clip(ORDER_STATUS_CHANGED + ":" + event.get("order_id") + ":" + event.get("status"), 300) : null);
        return event;
    }

    /**
     * A readable delivery with an identifier that breaks the rules of {@link Identifiers} (e.g. a NUL in
     * order_id): 400 naming the field, and the delivery is kept as a dead letter rather than dropped.
     */
    public static final class InvalidIdentifier extends ApiProblem {

        InvalidIdentifier(String field, String problem) {
            super(400, "invalid_field", field + " " + problem, field, null);
        }
    }

    private static void requireIdentifier(String field, String value, int max) {
        // absent fields are the dispatch's business (unhandled_type, unknown_order); present ones must be ids
        if (value != null && !value.isEmpty()) {
            String problem = Identifiers.upstreamIdProblem(value, max);
            if (problem != null) {
                throw new InvalidIdentifier(field, problem);
            }
        }
    }

    /** The delivery headers kept in the inbox beside the raw body (the signature itself is not kept). */
    public String headersJson(String timestamp, String userAgent) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("x-unigox-timestamp", clip(timestamp, 40));
        headers.put("user-agent", clip(userAgent, 200));
        return JsonBodies.toJson(headers);
    }

    /**
     * The envelope's {@code created_at} (ISO-8601) as a timestamp, or null when it is missing or unreadable:
     * then nothing is compared by it (an upstream answer is input like any other, and its absence is no
     * reason to drop the event).
     */
    static Timestamp createdAt(Object value) {
        if (!(value instanceof String text) || text.length() > 40) {
            return null;
        }
        try {
            return Timestamp.from(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
