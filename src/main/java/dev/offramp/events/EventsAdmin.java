package dev.offramp.events;

import dev.offramp.http.ApiProblem;
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

    /** The parameters of select-deliveries.sql. */
    public Map<String, Object> deliveriesQuery(String status, String destination, String limit) {
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
