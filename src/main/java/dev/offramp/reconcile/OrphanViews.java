package dev.offramp.reconcile;

import dev.offramp.orders.OrderQuery;
import dev.offramp.orders.OrderViews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orphans reconciliation keeps (orders an upstream lists that this bundle does not hold), as
 * GET /admin/reconciliation/orphans shows them: runs only count them, and finance asks which they are.
 */
public final class OrphanViews {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** The named parameters of list-orphans.sql; @throws dev.offramp.http.ApiProblem 400 naming limit */
    public Map<String, Object> query(String limit) {
        return Map.of("limit", OrderQuery.parseInt("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    public Map<String, Object> list(List<Map<String, Object>> rows) {
        List<Map<String, Object>> orphans = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> orphan = new LinkedHashMap<>();
            orphan.put("provider", row.get("provider"));
            orphan.put("provider_order_id", row.get("provider_order_id"));
            orphan.put("provider_status", row.get("provider_status"));
            orphan.put("first_seen_run", row.get("first_seen_run"));
            orphan.put("last_seen_run", row.get("last_seen_run"));
            orphan.put("first_seen_at", OrderViews.time(row.get("first_seen_at")));
            orphans.add(orphan);
        }
        return Map.of("orphans", orphans);
    }
}
