package dev.offramp.orders;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Decimals;
import dev.offramp.status.OrderStateMachine;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns order-store rows into the JSON shapes of the orders API (snake_case, amounts as decimal
 * strings so no client parses money as a float, times as ISO-8601 UTC).
 */
public final class OrderViews {

    private final OrderStateMachine stateMachine;

    public OrderViews(OrderStateMachine stateMachine) {
        this.stateMachine = stateMachine;
    }

    /** Validates the list filters; see {@link OrderQuery#parse}. */
    public OrderQuery query(String status, String provider, String page, String limit) {
        return OrderQuery.parse(status, provider, page, limit);
    }

    /**
     * One order with its allowed actions and its timeline, oldest entry first.
     *
     * @throws ApiProblem 404 when there is no such order
     */
    public Map<String, Object> order(Map<String, Object> row, List<Map<String, Object>> timelineRows, String id) {
        if (row == null) {
            throw ApiProblem.notFound("order", id);
        }
        Map<String, Object> view = summary(row);
        List<Map<String, Object>> timeline = new ArrayList<>();
        if (timelineRows != null) {
            for (Map<String, Object> t : timelineRows) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("from", t.get("from_status"));
                entry.put("to", t.get("to_status"));
                entry.put("source", t.get("source"));
                entry.put("source_ref", t.get("source_ref"));
                entry.put("outcome", t.get("outcome"));
                entry.put("reason", t.get("reason"));
                entry.put("at", time(t.get("at")));
                timeline.add(entry);
            }
        }
        view.put("timeline", timeline);
        return view;
    }

    /** The list answer: the page of orders and where it sits in the whole. */
    public Map<String, Object> page(List<Map<String, Object>> rows, Number total, OrderQuery query) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            orders.add(summary(row));
        }
        long totalCount = total == null ? 0 : total.longValue();
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", query.page());
        pagination.put("limit", query.limit());
        pagination.put("total_count", totalCount);
        pagination.put("total_pages", (totalCount + query.limit() - 1) / query.limit());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", orders);
        answer.put("pagination", pagination);
        return answer;
    }

    private Map<String, Object> summary(Map<String, Object> row) {
        String provider = (String) row.get("provider");
        String providerStatus = (String) row.get("provider_status");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.get("id"));
        view.put("provider", provider);
        view.put("provider_order_id", row.get("provider_order_id"));
        view.put("client_order_id", row.get("client_order_id"));
        view.put("user_id", row.get("user_id"));
        view.put("status", row.get("status"));
        view.put("provider_status", providerStatus);
        view.put("final", stateMachine.isKnown(provider, providerStatus) && stateMachine.isFinal(provider, providerStatus));
        view.put("crypto_amount", Decimals.plain(row.get("crypto_amount")));
        view.put("crypto_currency", row.get("crypto_currency"));
        view.put("fiat_amount", Decimals.plain(row.get("fiat_amount")));
        view.put("fiat_currency", row.get("fiat_currency"));
        view.put("redirect_url", row.get("redirect_url"));
        view.put("allowed_actions", allowedActions(provider, providerStatus, Boolean.TRUE.equals(row.get("refund_required"))));
        view.put("version", row.get("version"));
        view.put("created_at", time(row.get("created_at")));
        view.put("updated_at", time(row.get("updated_at")));
        return view;
    }

    /** The provider's actions for the status, plus authorize-refund once Unigox said a refund is owed. */
    private List<String> allowedActions(String provider, String providerStatus, boolean refundRequired) {
        List<String> actions = new ArrayList<>(stateMachine.allowedActions(provider, providerStatus));
        if (refundRequired && "cancelled".equals(providerStatus)) {
            actions.add("authorize-refund");
        }
        return actions;
    }

    public static String time(Object value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        if (value instanceof Timestamp ts) {
            instant = ts.toInstant();
        } else if (value instanceof OffsetDateTime odt) {
            instant = odt.toInstant();
        } else if (value instanceof TemporalAccessor ta) {
            instant = Instant.from(ta);
        } else {
            return value.toString();
        }
        return DateTimeFormatter.ISO_INSTANT.format(instant.atOffset(ZoneOffset.UTC));
    }
}
