package dev.offramp.unigox;

import dev.offramp.http.JsonBodies;
import dev.offramp.reconcile.ReconcileListing;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fetch of a Unigox order ({@code GET /orders/{id}}, a {@code PartnerOrderResponse}) says
 * beside its status, as the parameters of {@code sql/unigox/record-order-details.sql}: Unigox's own
 * {@code next_action}, {@code action_required} and {@code allowed_actions}, the authorization window,
 * {@code reference_id}, the amounts, rate and fee breakdown, and whether a refund is offered.
 *
 * <p>Everything is bounded to its column: an upstream answer is input like any other. A value that
 * cannot be read (an amount that is not a decimal, a date that is not ISO-8601) is left out (null)
 * rather than failing the fetch, so the status, which is what matters, still goes through.
 */
public final class UnigoxOrderDetails {

    /** The action that tells a cancelled order still holding the user's crypto from a finished one. */
    public static final String AUTHORIZE_REFUND = "authorize-refund";

    static final int MAX_ALLOWED_ACTIONS = 1000;
    static final int MAX_ACTION_REQUIRED = 4000;
    static final int MAX_FEE_BREAKDOWN = 2000;

    private final Clock clock;

    public UnigoxOrderDetails(Clock clock) {
        this.clock = clock;
    }

    /**
     * The parameters of record-order-details.sql for each order of a list page (GET /orders items are
     * orders as GET /orders/{order_id} answers them): one JDBC batch per page.
     */
    public List<Map<String, Object>> readAll(List<Map<String, Object>> orders) {
        List<Map<String, Object>> all = new ArrayList<>();
        if (orders != null) {
            for (Map<String, Object> order : orders) {
                if (order != null && order.get("order_id") instanceof String) {
                    all.add(read(order));
                }
            }
        }
        return all;
    }

    /** The parameters of record-order-details.sql for the fetched order (matched by its order_id). */
    public Map<String, Object> read(Map<String, Object> fetched) {
        Map<String, Object> order = fetched == null ? Map.of() : fetched;
        Instant now = clock.instant();
        List<String> allowed = strings(order.get("allowed_actions"));
        Map<String, Object> details = new HashMap<>();
        details.put("provider_order_id", bounded(order.get("order_id"), 100));
        details.put("details_status", bounded(order.get("status"), 60));
        details.put("details_updated_at", timestamp(order.get("updated_at")));
        details.put("details_read_at", Timestamp.from(now));
        details.put("next_action", bounded(order.get("next_action"), 60));
        details.put("allowed_actions", allowed == null ? null : fitting(JsonBodies.toJson(allowed), MAX_ALLOWED_ACTIONS));
        details.put("action_required", actionRequired(order.get("action_required")));
        details.put("fee_breakdown", order.get("fee_breakdown") instanceof Map<?, ?> fees
                ? fitting(JsonBodies.toJson(fees), MAX_FEE_BREAKDOWN) : null);
        details.put("authorization_deadline", deadline(order.get("crypto_transfer_authorization_seconds_left"), now));
        details.put("reference_id", bounded(order.get("reference_id"), 100));
        Map<?, ?> amounts = order.get("amounts") instanceof Map<?, ?> a ? a : Map.of();
        details.put("crypto_amount", decimal(amounts.get("crypto_amount")));
        details.put("fiat_amount", decimal(amounts.get("fiat_amount")));
        details.put("rate", decimal(amounts.get("rate")));
        details.put("refund_offered", allowed != null && allowed.contains(AUTHORIZE_REFUND));
        // none on an order's own fetch; a reconciliation page's rows carry their run (UnigoxReconcileListing)
        details.put(ReconcileListing.RECONCILED_RUN, null);
        return details;
    }

    /** Whether Unigox still offers authorize-refund on this fetched order. */
    public static boolean refundOffered(Map<String, Object> fetched) {
        List<String> allowed = fetched == null ? null : strings(fetched.get("allowed_actions"));
        return allowed != null && allowed.contains(AUTHORIZE_REFUND);
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String s && s.length() <= 60) {
                strings.add(s);
            }
        }
        return strings;
    }

    /**
     * Unigox's action_required as JSON: type, message, endpoint and fields (field, label). Too long for
     * its column, the fields go first, then the message is cut: the type is what an app acts on.
     */
    private static String actionRequired(Object value) {
        if (!(value instanceof Map<?, ?> action)) {
            return null;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : List.of("type", "message", "endpoint")) {
            String text = bounded(action.get(key), 1000);
            if (text != null) {
                kept.put(key, text);
            }
        }
        if (action.get("fields") instanceof List<?> fields) {
            List<Map<String, Object>> keptFields = new ArrayList<>();
            for (Object f : fields) {
                if (f instanceof Map<?, ?> field && field.get("field") instanceof String name) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("field", bounded(name, 100));
                    one.put("label", bounded(field.get("label"), 200));
                    keptFields.add(one);
                }
            }
            kept.put("fields", keptFields);
        }
        String json = JsonBodies.toJson(kept);
        if (json.length() > MAX_ACTION_REQUIRED) {
            kept.remove("fields");
            json = JsonBodies.toJson(kept);
        }
        return json.length() > MAX_ACTION_REQUIRED ? null : json;
    }

    private static Timestamp deadline(Object secondsLeft, Instant now) {
        if (secondsLeft instanceof Number n && n.longValue() >= 0 && n.longValue() <= 7 * 24 * 3600L) {
            return Timestamp.from(now.plusSeconds(n.longValue()));
        }
        return null;
    }

    private static Timestamp timestamp(Object value) {
        if (!(value instanceof String text) || text.length() > 40) {
            return null;
        }
        try {
            return Timestamp.from(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object value) {
        if (!(value instanceof String) && !(value instanceof Number)) {
            return null;
        }
        String text = value.toString();
        if (text.length() > 40) {
            return null;
        }
        try {
            BigDecimal decimal = new BigDecimal(text);
            return decimal.signum() < 0 || decimal.precision() - decimal.scale() > 20 || decimal.scale() > 18 ? null : decimal;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String bounded(Object value, int max) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return null;
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static String fitting(String json, int max) {
        return json.length() > max ? null : json;
    }
}
