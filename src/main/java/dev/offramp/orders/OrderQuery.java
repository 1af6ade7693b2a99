package dev.offramp.orders;

import dev.offramp.http.ApiProblem;
import dev.offramp.status.CanonicalStatus;
import dev.offramp.status.Provider;
import java.util.HashMap;
import java.util.Map;

/**
 * The validated filters and paging of {@code GET /api/v1/orders}. Every bad value is a 400 that
 * names its parameter.
 *
 * @param status canonical status filter, or null
 * @param provider provider id filter, or null
 */
public record OrderQuery(String status, String provider, int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static OrderQuery parse(String status, String provider, String page, String limit) {
        return new OrderQuery(
                parseStatus(status),
                parseProvider(provider),
                parseInt("page", page, 1, 1, Integer.MAX_VALUE / MAX_LIMIT),
                parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    public int offset() {
        return (page - 1) * limit;
    }

    /** Named parameters of the list queries (null filters match everything). */
    public Map<String, Object> toParameters() {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("provider", provider);
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
