package dev.offramp.orders;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finding an order by any of its ids (GET /admin/orders/lookup, the ops console's "find by id"): ours, the
 * upstream's (provider_order_id) or the business's (client_order_id), as support is given whichever one a
 * user or a provider quotes; each column is looked up through its own index.
 */
public final class OrderLookup {

    /** The longest of the three columns (provider_order_id, client_order_id: 100). */
    static final int MAX_LENGTH = 100;

    /** The named parameters of lookup-any-id.sql; @throws ApiProblem 400 naming id */
    public Map<String, Object> query(String id) {
        String problem = Identifiers.textProblem(id, MAX_LENGTH);
        if (problem != null) {
            throw ApiProblem.badParameter("id", "id " + problem);
        }
        return Map.of("id", id);
    }

    /** {"orders":[{"id","provider","provider_order_id","client_order_id","status","provider_status","updated_at","matched"}]} */
    public Map<String, Object> found(List<Map<String, Object>> rows) {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("id", row.get("id"));
            order.put("provider", row.get("provider"));
            order.put("provider_order_id", row.get("provider_order_id"));
            order.put("client_order_id", row.get("client_order_id"));
            order.put("status", row.get("status"));
            order.put("provider_status", row.get("provider_status"));
            order.put("updated_at", OrderViews.time(row.get("updated_at")));
            // which of its ids matched (CHAR literals come back padded on some databases)
            order.put("matched", String.valueOf(row.get("matched")).trim());
            orders.add(order);
        }
        return Map.of("orders", orders);
    }
}
