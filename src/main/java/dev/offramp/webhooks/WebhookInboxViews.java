package dev.offramp.webhooks;

import dev.offramp.http.ApiProblem;
import dev.offramp.orders.OrderQuery;
import dev.offramp.orders.OrderViews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin list of stored webhooks (GET /admin/webhooks/inbox, the ops console's Webhook inbox): the
 * validated filters and the view of a row. Bodies and headers stay out: they may hold personal data, and
 * re-processing reads them from the row.
 */
public final class WebhookInboxViews {

    static final Set<String> PROVIDERS = Set.of("unigox", "changelly");
    /** A verdict is one of the words the webhook routes write: lower case and underscores. */
    private static final Pattern VERDICT = Pattern.compile("[a-z_]{1,30}");
    /** An upstream order id as the inbox keeps it: bounded visible ASCII. */
    private static final Pattern ORDER_REF = Pattern.compile("[\\x21-\\x7e]{1,100}");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** The named parameters of list-inbox.sql; @throws ApiProblem 400 naming the bad parameter */
    public Map<String, Object> query(String provider, String verdict, String orderRef, String page, String limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("provider", matching("provider", provider, provider != null && PROVIDERS.contains(provider), "unigox or changelly"));
        params.put("verdict", matching("verdict", verdict, verdict != null && VERDICT.matcher(verdict).matches(),
                "lower-case letters and underscores, e.g. applied"));
        params.put("orderRef", matching("order_ref", orderRef, orderRef != null && ORDER_REF.matcher(orderRef).matches(),
                "at most 100 visible ASCII characters"));
        int size = OrderQuery.parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        params.put("limit", size);
        params.put("offset", OrderQuery.offset(page, size, MAX_LIMIT));
        return params;
    }

    public Map<String, Object> list(List<Map<String, Object>> rows) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", row.get("id"));
            view.put("provider", row.get("provider"));
            view.put("event_id", row.get("event_id"));
            view.put("event_type", row.get("event_type"));
            view.put("order_ref", row.get("order_ref"));
            view.put("verdict", row.get("verdict"));
            view.put("verdict_reason", row.get("verdict_reason"));
            view.put("received_at", OrderViews.time(row.get("received_at")));
            view.put("processed_at", OrderViews.time(row.get("processed_at")));
            items.add(view);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("webhooks", items);
        return answer;
    }

    private static String matching(String name, String value, boolean ok, String expected) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!ok) {
            throw ApiProblem.badParameter(name, name + " must be " + expected);
        }
        return value;
    }
}
