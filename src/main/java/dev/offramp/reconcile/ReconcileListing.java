package dev.offramp.reconcile;

import dev.offramp.http.JsonBodies;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one upstream lists its orders to a reconciliation run: what the reconcile-upstream-* route
 * templates (routes/reconcile/) ask of it, so that paging, applying and the fetch of uncovered orders are
 * written once and an upstream is its instantiations (routes/reconcile/reconcile-&lt;upstream&gt;.camel.yaml)
 * plus one of these. Pure: the routes fetch and write.
 */
public interface ReconcileListing {

    /** The row value of a page's record statement that marks the order read by the run (details). */
    String RECONCILED_RUN = "reconciled_run";

    /** Orders per list page: the most either upstream's list gives (Unigox limit ≤ 100, Changelly 1..100). */
    int PAGE_SIZE = 100;

    /**
     * The list request of one page of one status within the reconciliation window: what the upstream's
     * {@code <name>Query} variable takes (Unigox a query string, Changelly a map it signs).
     *
     * @param page counted from 1
     */
    Object statusPage(String status, int page, OffsetDateTime windowStart);

    /** After a full first page of a status list (its answer as received): the pages to read side by side. */
    PagesAhead pagesAhead(String firstPageBody);

    /**
     * A list answer's orders as maps of {@code id}, {@code status} (text) and {@code order} (the order as
     * the upstream sent it), or null when the page could not be had (the caller records a run error).
     */
    List<Map<String, Object>> page(Integer httpStatus, String body, String transportError);

    /**
     * What a page's orders say beside their status, as the rows of the upstream's record statement
     * (the template's {@code recordDetails}), one batch per page, each with {@code reconciled_run} = runId:
     * the write marks the order read by the run, so a row for every order listed (one left out is fetched
     * alone later by reconcile-upstream-uncovered, which is safe but costs a call). The run id is a row
     * value, not a {@code :#${variable.runId}} in the statement: camel-sql copies the whole exchange to
     * evaluate such an expression, once per row of a batch (14% of the page threads' time, JFR).
     */
    List<Map<String, Object>> details(List<Map<String, Object>> page, long runId);

    /**
     * How a batch of our open orders that no page covered (rows of select-uncovered.sql) is checked: one
     * element per call of the template's {@code checkUncovered} endpoint, as its body.
     */
    List<Object> uncoveredChecks(List<Map<String, Object>> localRows);

    /**
     * The orders of a list answer's {@code orders} array as {@link #page} gives them: entries without an
     * id in {@code idField} are passed over (an upstream answer is input like any other).
     */
    static List<Map<String, Object>> listed(List<?> orders, String idField) {
        List<Map<String, Object>> page = new ArrayList<>(orders.size());
        for (Object o : orders) {
            if (o instanceof Map<?, ?> order && order.get(idField) != null) {
                Map<String, Object> entry = new HashMap<>();
                entry.put("id", order.get(idField).toString());
                entry.put("status", order.get("status") == null ? null : order.get("status").toString());
                entry.put("order", order);
                page.add(entry);
            }
        }
        return page;
    }

    /** A list answer's JSON, or null when there is none to read: no 2xx, a transport error, no body, not JSON. */
    static Object answer(Integer httpStatus, String body, String transportError) {
        return transportError == null && httpStatus != null && httpStatus / 100 == 2 ? json(body) : null;
    }

    /** The JSON of an answer's body, or null when it is none (an upstream answer is input like any other). */
    static Object json(String body) {
        try {
            return body == null ? null : JsonBodies.parse(body);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
