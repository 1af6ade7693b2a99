package dev.offramp.deadletters;

import dev.offramp.http.ApiProblem;
import dev.offramp.orders.OrderQuery;
import dev.offramp.orders.OrderViews;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dead-letter table's words: why something failed (said safely), the admin views of dead letters,
 * the checks before a replay, and the validated filters of the list.
 */
public final class DeadLetters {

    static final Set<String> KINDS = Set.of("webhook", "upstream_call", "event_delivery");
    static final Set<String> STATUSES = Set.of("open", "replayed", "resolved");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /**
     * Why the work failed, for the table and the admin API: our error code and message, never the
     * exception's own text (it may hold SQL, upstream payloads or a URL; the log has it).
     */
    public String reason(Throwable failure) {
        // our own problems arrive wrapped when a bean threw them (RuntimeBeanExpressionException)
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return clip(problem.getCode() + ": " + problem.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "upstream_timeout: the upstream did not answer in time";
            }
            if (t instanceof IOException) {
                return "upstream_unavailable: the upstream could not be reached (" + t.getClass().getSimpleName() + ")";
            }
        }
        return failure == null ? "unknown failure"
                : "internal_error: " + failure.getClass().getSimpleName() + " (details in the log at that time)";
    }

    /** The reason of an upstream call that failed without an exception (its answer was a failure). */
    public String reason(String upstream, Integer status, String transportError) {
        if (transportError != null) {
            return clip(upstream + " " + transportError);
        }
        return clip(upstream + " answered HTTP " + status);
    }

    /** Fails with {@code problem} again: a stored delivery that was refused on arrival stays refused. */
    public void fail(ApiProblem problem) {
        throw problem;
    }

    public long requireId(String id) {
        try {
            long value = Long.parseLong(id == null ? "" : id.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badParameter("id", "id must be a positive whole number");
    }

    /** The named parameters of the list query: kind, status, limit, offset. */
    public Map<String, Object> query(String kind, String status, String page, String limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", oneOf("kind", kind, KINDS));
        params.put("status", oneOf("status", status, STATUSES));
        int size = OrderQuery.parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        params.put("limit", size);
        params.put("offset", OrderQuery.offset(page, size, MAX_LIMIT));
        return params;
    }

    public Map<String, Object> list(List<Map<String, Object>> rows) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            items.add(view(row));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dead_letters", items);
        return answer;
    }

    /** @throws ApiProblem 404 when there is no such dead letter */
    public Map<String, Object> view(Map<String, Object> row, long id) {
        if (row == null) {
            throw ApiProblem.notFound("dead letter", String.valueOf(id));
        }
        return view(row);
    }

    /** One dead letter; with its request body when the row has one (single view only). */
    public Map<String, Object> view(Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.get("id"));
        view.put("kind", row.get("kind"));
        view.put("provider", row.get("provider"));
        view.put("status", row.get("status"));
        view.put("reason", row.get("reason"));
        view.put("failures", row.get("failures"));
        view.put("order_id", row.get("order_id"));
        view.put("inbox_id", row.get("inbox_id"));
        if (row.get("request_path") != null) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("method", row.get("request_method"));
            request.put("path", row.get("request_path"));
            if (row.containsKey("request_body")) {
                request.put("body", row.get("request_body"));
            }
            view.put("request", request);
        }
        if (row.get("destination") != null) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", row.get("event_id"));
            event.put("type", row.get("event_type"));
            event.put("destination", row.get("destination"));
            view.put("event", event);
        }
        view.put("created_at", OrderViews.time(row.get("created_at")));
        view.put("last_failed_at", OrderViews.time(row.get("last_failed_at")));
        view.put("replayed_at", OrderViews.time(row.get("replayed_at")));
        return view;
    }

    /** @throws ApiProblem 404 when there is no such dead letter, 409 when it is no longer open */
    public Map<String, Object> requireReplayable(Map<String, Object> row, long id) {
        if (row == null) {
            throw ApiProblem.notFound("dead letter", String.valueOf(id));
        }
        if (!"open".equals(row.get("status"))) {
            throw new ApiProblem(409, "not_replayable", "dead letter " + id + " is " + row.get("status")
                    + "; only open dead letters are replayed", "id", null);
        }
        return row;
    }

    /** @throws ApiProblem 404 when there is no such inbox row */
    public Map<String, Object> requireInboxRow(Map<String, Object> row, long id) {
        if (row == null) {
            throw ApiProblem.notFound("webhook inbox entry", String.valueOf(id));
        }
        return row;
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiProblem.badParameter(name, name + " must be one of " + new java.util.TreeSet<>(allowed));
        }
        return value;
    }

    private static String clip(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
