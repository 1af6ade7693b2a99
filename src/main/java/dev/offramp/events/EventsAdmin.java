package dev.offramp.events;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Identifiers;
import dev.offramp.orders.OrderQuery;
import dev.offramp.orders.OrderViews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the admin API of events reads and checks: the deliveries list's filters, the answers, and the
 * names and ids in paths (a 400 naming the parameter; a 404 when there is no such thing).
 */
public final class EventsAdmin {

    static final List<String> STATUSES = List.of("pending", "delivered", "failed");
    private static final Identifiers IDS = new Identifiers();
    /** Past the end of any retry schedule (DeliveryOutcomes): a replay is one last attempt. */
    static final int REPLAY_ATTEMPTS = 1_000_000;

    /** The parameters of select-deliveries.sql; subject is an order's or a user's id (what an event is about). */
    public Map<String, Object> deliveriesQuery(String status, String destination, String subject, String limit) {
        if (subject != null && !subject.isEmpty()) {
            IDS.ourId(subject, "subject");
        }
        if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
            throw ApiProblem.badParameter("status", "status must be one of " + STATUSES);
        }
        if (destination != null && !destination.isEmpty() && !destination.matches("[a-z0-9_-]{1,60}")) {
            throw ApiProblem.badParameter("destination", "destination must be a destination name, e.g. default");
        }
        int size = OrderQuery.parseInt("limit", limit, 50, 1, 200);
        Map<String, Object> query = new HashMap<>();
        query.put("status", status == null || status.isEmpty() ? null : status);
        query.put("destination", destination == null || destination.isEmpty() ? null : destination);
        query.put("subject", subject == null || subject.isEmpty() ? null : subject.toLowerCase(java.util.Locale.ROOT));
        query.put("limit", size);
        return query;
    }

    public Map<String, Object> deliveries(List<Map<String, Object>> rows) {
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("event_id", row.get("id"));
            d.put("type", row.get("type"));
            d.put("subject", row.get("subject"));
            d.put("destination", row.get("destination"));
            d.put("status", row.get("status"));
            d.put("attempts", row.get("attempts"));
            d.put("next_attempt_at", "pending".equals(row.get("status")) ? OrderViews.time(row.get("next_attempt_at")) : null);
            d.put("last_status", row.get("last_status"));
            d.put("last_error", row.get("last_error"));
            d.put("delivered_at", OrderViews.time(row.get("delivered_at")));
            d.put("created_at", OrderViews.time(row.get("created_at")));
            deliveries.add(d);
        }
        return Map.of("deliveries", deliveries);
    }

    /** An event id from a path: msg_ and 32 hex digits, or a 400 naming id. */
    public String eventId(String id) {
        if (id == null || !id.matches("msg_[0-9a-f]{1,64}")) {
            throw ApiProblem.badParameter("id", "id must be an event id (msg_...), as the feed and webhook-id give it");
        }
        return id;
    }

    /** A destination name from a path, or a 400 naming name. */
    public String destination(String name) {
        if (name == null || !name.matches("[a-z0-9_-]{1,60}")) {
            throw ApiProblem.badParameter("name", "name must be a destination name, e.g. default");
        }
        return name;
    }

    /** The answer of a redelivery; 404 when no delivery of that event exists. */
    public Map<String, Object> redelivered(Number updated, String eventId) {
        requireTouched(updated, "event", eventId, "id");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event_id", eventId);
        answer.put("redelivered", true);
        return answer;
    }

    /** The parameters of recover.sql: since, required (everything failed since then is sent again). */
    public Map<String, Object> recoverQuery(String since) {
        java.time.OffsetDateTime from = OrderQuery.parseInstant("since", since);
        if (from == null) {
            throw ApiProblem.badParameter("since", "since is required: an ISO-8601 date-time with an offset, e.g. 2026-12-01T00:00:00Z");
        }
        return Map.of("since", from);
    }

    /** The answer of a recovery: how many failed deliveries go out again. */
    public Map<String, Object> recovered(Number updated, Map<String, Object> query) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("since", query.get("since").toString());
        answer.put("recovered", updated == null ? 0 : updated.intValue());
        return answer;
    }

    /** A replay's claim of the failed delivery took it, or a 409: it is no longer failed, or another replay has it. */
    public void requireClaimedForReplay(Number claimed, long deadLetterId) {
        if (claimed == null || claimed.intValue() != 1) {
            throw new ApiProblem(409, "not_replayable", "the delivery of dead letter " + deadLetterId
                    + " is no longer failed (redelivered or recovered meanwhile) or is being replayed", "id", null);
        }
    }

    /**
     * The delivery of a replay as its last attempt: attempts past any schedule, so a failure leaves it
     * failed (the dead letter open) instead of starting the retries again.
     */
    public Map<String, Object> asLastAttempt(Map<String, Object> delivery) {
        Map<String, Object> last = new HashMap<>(delivery);
        last.put("attempts", REPLAY_ATTEMPTS);
        return last;
    }

    /** A replay's attempt was delivered, or a 502 naming what the destination answered. */
    public void requireDelivered(Map<String, Object> attempt) {
        Object status = attempt == null ? null : attempt.get("status");
        if ("delivered".equals(status)) {
            return;
        }
        String what = "gone".equals(status) ? "the destination answered 410 Gone and is disabled until an admin enables it"
                : "the destination did not take it (" + attempt.get("last_error") + ")";
        throw new ApiProblem(502, "event_delivery_failed", "the event was sent once more and " + what, null, null);
    }

    /** The answer of enable/disable; 404 for a destination that is not known. */
    public Map<String, Object> destinationSet(Number updated, String name, boolean enabled) {
        requireTouched(updated, "destination", name, "name");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", name);
        answer.put("enabled", enabled);
        return answer;
    }

    private static void requireTouched(Number updated, String what, String id, String field) {
        if (updated == null || updated.intValue() == 0) {
            throw new ApiProblem(404, "not_found", what + " '" + id + "' not found", field, null);
        }
    }
}
