package dev.offramp.orders;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Decimals;
import dev.offramp.http.JsonBodies;
import dev.offramp.status.OrderStateMachine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
        this(stateMachine, Clock.systemUTC());
    }

    public OrderViews(OrderStateMachine stateMachine, Clock clock) {
        this.stateMachine = stateMachine;
        this.clock = clock;
    }

    /**
     * What the business (or its user) must do next on a Unigox order at a status, as the contract's
     * order flow table states it (GET /orders/{order_id}, PartnerOrderResponse.next_action): used when
     * the order has moved on since Unigox last told us its next action (a webhook carries none).
     */
    private static final Map<String, String> UNIGOX_NEXT_ACTIONS = Map.of(
            "awaiting_crypto_transfer_authorization", "authorize_crypto_transfer",
            "awaiting_fiat_received_confirmation", "confirm_fiat_received",
            "pending_address", "update_kyc_address",
            "price_changed_requote_needed", "request_new_quote");

    private static final List<String> AUTHORIZATION_WINDOW_STATUSES =
            List.of("awaiting_crypto_transfer_authorization", "crypto_transfer_authorization_pending");

    private final Clock clock;

    /** Validates the list filters; see {@link OrderQuery#parse}. */
    public OrderQuery query(String status, String provider, String page, String limit) {
        return OrderQuery.parse(status, provider, page, limit);
    }

    /** Validates the list filters of GET /api/v1/orders; see {@link OrderQuery#parse}. */
    public OrderQuery listQuery(Map<String, Object> queryParams) {
        Map<String, Object> q = queryParams == null ? Map.of() : queryParams;
        return OrderQuery.parse(text(q.get("status")), text(q.get("provider")), text(q.get("page")), text(q.get("limit")),
                text(q.get("action_required")), text(q.get("user_id")), text(q.get("updated_since")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
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

    /** One order as the API shows it, without its timeline (the shape events carry). */
    public Map<String, Object> summary(Map<String, Object> row) {
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
        boolean refundRequired = Boolean.TRUE.equals(row.get("refund_required"));
        // Unigox's own word while it still describes the order's status; a later webhook moved it on
        boolean unigoxWordHolds = providerStatus != null && providerStatus.equals(row.get("details_status"));
        Object statedActions = unigoxWordHolds ? parsed(row.get("allowed_actions")) : null;
        view.put("allowed_actions", statedActions instanceof List<?> stated ? stated
                : allowedActions(provider, providerStatus, refundRequired));
        if ("unigox".equals(provider)) {
            view.put("next_action", unigoxWordHolds && row.get("next_action") != null ? row.get("next_action")
                    : refundRequired && "cancelled".equals(providerStatus) ? "authorize_refund"
                    : UNIGOX_NEXT_ACTIONS.get(providerStatus));
            view.put("action_required", unigoxWordHolds ? parsed(row.get("action_required")) : null);
            view.put("refund_required", refundRequired);
            view.put("crypto_transfer_authorization_seconds_left", secondsLeft(providerStatus, row.get("authorization_deadline")));
            view.put("reference_id", row.get("reference_id"));
            view.put("rate", Decimals.plain(row.get("rate")));
            view.put("fee_breakdown", parsed(row.get("fee_breakdown")));
            view.put("details_read_at", time(row.get("details_read_at")));
        } else if (row.get("fiat_amount") != null) {
            // Changelly: the payout the order (or the offer it was placed from) expects, not a promise
            Map<String, Object> payout = new LinkedHashMap<>();
            payout.put("amount", Decimals.plain(row.get("fiat_amount")));
            payout.put("currency", row.get("fiat_currency"));
            view.put("expected_payout", payout);
        }
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

    /** Seconds left to authorize the crypto transfer, while that window is open (as Unigox counts it). */
    private Long secondsLeft(String providerStatus, Object deadline) {
        String at = time(deadline);
        if (at == null || !AUTHORIZATION_WINDOW_STATUSES.contains(providerStatus)) {
            return null;
        }
        return Math.max(0, Duration.between(clock.instant(), Instant.parse(at)).getSeconds());
    }

    private static Object parsed(Object json) {
        return json instanceof String text && !text.isEmpty() ? JsonBodies.parse(text) : null;
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
