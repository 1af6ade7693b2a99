package dev.offramp.changelly;

import dev.offramp.reconcile.PagesAhead;
import dev.offramp.reconcile.ReconcileListing;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Changelly lists its orders to reconciliation: {@code GET /v1/orders?status=…&startDate=…&offset=…
 * &limit=100} within the window, answered as {@code {"orders":[…],"limit","offset","total"}} (or the older
 * {@code [{"orders":[…]}]}). Our orders no page covered are asked for by their ids, up to
 * changelly.reconcile.ids-per-request in one {@code GET /v1/orders?orderId=…} read like a list page. The
 * payout a listed order expects is kept, as its own fetch keeps it, in the write that marks the order read
 * by the run (sql/changelly/record-expected-payouts.sql).
 */
public final class ChangellyReconcileListing implements ReconcileListing {

    private final ChangellyRequests requests;
    private final ChangellyViews views;
    private final int idsPerRequest;

    /**
     * @param idsPerRequest the most order ids one by-ids request names (changelly.reconcile.ids-per-request):
     *     each adds about 45 bytes to the request line, and servers refuse long ones (414), at 4 KB for some
     */
    public ChangellyReconcileListing(ChangellyRequests requests, ChangellyViews views, int idsPerRequest) {
        if (idsPerRequest < 1 || idsPerRequest > PAGE_SIZE) {
            throw new IllegalArgumentException("changelly.reconcile.ids-per-request must be 1 to " + PAGE_SIZE + ", not " + idsPerRequest);
        }
        this.requests = requests;
        this.views = views;
        this.idsPerRequest = idsPerRequest;
    }

    @Override
    public Map<String, Object> statusPage(String status, int page, OffsetDateTime windowStart) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("status", status);
        q.put("startDate", windowStart.toInstant().toString());
        q.put("offset", (page - 1) * PAGE_SIZE);
        q.put("limit", PAGE_SIZE);
        return q;
    }

    /**
     * From the first page's {@code total} (the docs: "Total number of orders"), when the answer kept our
     * {@code limit} of 100: with another limit the offsets of the pages to come would not be ours, so
     * paging goes one page at a time, as it does without a {@code total} (the older list shape).
     */
    @Override
    public PagesAhead pagesAhead(String firstPageBody) {
        if (!(ReconcileListing.json(firstPageBody) instanceof Map<?, ?> answer) || wholeNumber(answer.get("total")) < 0
                || answer.get("limit") != null && wholeNumber(answer.get("limit")) != PAGE_SIZE) {
            return PagesAhead.ONE_BY_ONE;
        }
        long total = wholeNumber(answer.get("total"));
        return PagesAhead.fromTotals(total, total / PAGE_SIZE + (total % PAGE_SIZE == 0 ? 0 : 1), PAGE_SIZE);
    }

    /** A JSON integer as a long, or -1 for anything else (text, a fraction, a number beyond a long). */
    private static long wholeNumber(Object value) {
        return value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : -1;
    }

    @Override
    public List<Map<String, Object>> page(Integer httpStatus, String body, String transportError) {
        Object root = ReconcileListing.answer(httpStatus, body, transportError);
        if (root instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Map<?, ?> m && m.get("orders") != null) {
            root = m;
        }
        if (!(root instanceof Map<?, ?> data) || !(data.get("orders") instanceof List<?> orders)) {
            return null;
        }
        return ReconcileListing.listed(orders, "orderId");
    }

    /**
     * The parameters of record-expected-payouts.sql, a row for every listed order (the write marks ours read
     * by run runId): its payoutAmount where that reads as a payout, else null (the amount we hold is kept).
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> details(List<Map<String, Object>> page, long runId) {
        List<Map<String, Object>> rows = new ArrayList<>(page.size());
        for (Map<String, Object> entry : page) {
            rows.add(views.payoutRow((Map<String, Object>) entry.get("order"), runId));
        }
        return rows;
    }

    /** List requests by ids, each naming at most idsPerRequest of the batch (none for an empty batch). */
    @Override
    public List<Object> uncoveredChecks(List<Map<String, Object>> localRows) {
        List<Object> checks = new ArrayList<>();
        for (int from = 0; from < localRows.size(); from += idsPerRequest) {
            List<String> ids = new ArrayList<>(idsPerRequest);
            for (Map<String, Object> row : localRows.subList(from, Math.min(localRows.size(), from + idsPerRequest))) {
                ids.add(String.valueOf(row.get("provider_order_id")));
            }
            checks.add(requests.ordersByIdQuery(ids));
        }
        return checks;
    }
}
