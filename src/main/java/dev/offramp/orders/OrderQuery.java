package dev.offramp.orders;

import dev.offramp.http.ApiProblem;
import dev.offramp.status.CanonicalStatus;
import dev.offramp.status.Provider;
import dev.offramp.http.Identifiers;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The validated filters and paging of {@code GET /api/v1/orders}. Every bad value is a 400 that
 * names its parameter.
 *
 * @param status canonical status filter, or null
 * @param provider provider id filter, or null
 * @param actionRequired true: only orders waiting for the business or its user (canonical
 *        awaiting_action, or a refund owed); false: only the others; null: both
 * @param userId our user id filter, or null
 * @param updatedSince only orders updated at or after this instant, or null
 */
public record OrderQuery(String status, String provider, int page, int limit, Boolean actionRequired, String userId,
                         OffsetDateTime updatedSince) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Identifiers IDENTIFIERS = new Identifiers();

    public static OrderQuery parse(String status, String provider, String page, String limit) {
        return parse(status, provider, page, limit, null, null, null);
    }

    public static OrderQuery parse(String status, String provider, String page, String limit, String actionRequired,
                                   String userId, String updatedSince) {
        return new OrderQuery(
                parseStatus(status),
                parseProvider(provider),
                parseInt("page", page, 1, 1, Integer.MAX_VALUE / MAX_LIMIT),
                parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                parseBoolean("action_required", actionRequired),
                userId == null || userId.isEmpty() ? null : IDENTIFIERS.ourId(userId, "user_id"),
                parseInstant("updated_since", updatedSince));
    }

    public int offset() {
        return (page - 1) * limit;
    }

    /** Named parameters of the list queries (null filters match everything). */
    public Map<String, Object> toParameters() {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("provider", provider);
        params.put("actionRequired", actionRequired);
        params.put("userId", userId);
        params.put("updatedSince", updatedSince);
        params.put("limit", limit);
        params.put("offset", offset());
        return params;
    }

    private static String parseStatus(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return CanonicalStatus.fromWireName(status).wireName();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("status", "status must be one of the canonical statuses, e.g. processing or completed");
        }
    }

    private static String parseProvider(String provider) {
        if (provider == null || provider.isEmpty()) {
            return null;
        }
        try {
            return Provider.fromId(provider).id();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("provider", "provider must be unigox or changelly");
        }
    }

    private static Boolean parseBoolean(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.badParameter(name, name + " must be true or false");
        };
    }

    /** An ISO-8601 date-time query parameter with its offset, null when absent; otherwise a 400 naming it. */
    public static OffsetDateTime parseInstant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() <= 40) {
                return OffsetDateTime.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ApiProblem.badParameter(name, name + " must be an ISO-8601 date-time with an offset, e.g. 2026-12-01T00:00:00Z");
    }

    /**
     * The row offset of page {@code page} (1-based, default 1; a 400 naming page otherwise) of a list
     * showing {@code size} rows a page, at most {@code maxSize}.
     */
    public static long offset(String page, int size, int maxSize) {
        return (long) (parseInt("page", page, 1, 1, Integer.MAX_VALUE / maxSize) - 1) * size;
    }

    /** A whole-number query parameter within [min, max], the fallback when absent; otherwise a 400 naming it. */
    public static int parseInt(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the allowed range
        }
        throw ApiProblem.badParameter(name, name + " must be an integer from " + min + " to " + max);
    }
}
