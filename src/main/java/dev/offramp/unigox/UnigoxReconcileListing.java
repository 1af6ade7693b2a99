package dev.offramp.unigox;

import dev.offramp.reconcile.PagesAhead;
import dev.offramp.reconcile.ReconcileListing;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How Unigox lists its orders to reconciliation (Unigox's OpenAPI {@code listOrders}): {@code GET
 * /orders?status=…&page=…&limit=100}, answered as {@code {"success":true,"data":{"orders":[…],
 * "pagination":{"total_count","total_pages",…}}}}. The list has no date filter, so the window is not
 * sent, and no filter by order id, so each of our orders no page covered is fetched on its own
 * (reconcile-unigox-order, with {@link #fetched} and {@link #statusToApply}). What a listed order says beside its status is kept, as its own fetch keeps it
 * (sql/unigox/record-order-details.sql).
 */
public final class UnigoxReconcileListing implements ReconcileListing {

    private final UnigoxOrderDetails details;

    public UnigoxReconcileListing(UnigoxOrderDetails details) {
        this.details = details;
    }

    @Override
    public String statusPage(String status, int page, OffsetDateTime windowStart) {
        return "status=" + status + "&page=" + page + "&limit=" + PAGE_SIZE;
    }

    /** From the first page's {@code pagination} ({@code total_pages}, {@code total_count}) as the OpenAPI documents it. */
    @Override
    public PagesAhead pagesAhead(String firstPageBody) {
        if (!(ReconcileListing.json(firstPageBody) instanceof Map<?, ?> envelope) || !(envelope.get("data") instanceof Map<?, ?> data)
                || !(data.get("pagination") instanceof Map<?, ?> pagination)
                || !(pagination.get("total_pages") instanceof Number totalPages)
                || !(pagination.get("total_count") instanceof Number totalCount)) {
            return PagesAhead.ONE_BY_ONE;
        }
        return PagesAhead.fromTotals(totalCount.longValue(), totalPages.longValue(), PAGE_SIZE);
    }

    @Override
    public List<Map<String, Object>> page(Integer httpStatus, String body, String transportError) {
        if (!(ReconcileListing.answer(httpStatus, body, transportError) instanceof Map<?, ?> envelope)
                || !(envelope.get("data") instanceof Map<?, ?> data) || !(data.get("orders") instanceof List<?> orders)) {
            return null;
        }
        return ReconcileListing.listed(orders, "order_id");
    }

    /**
     * The parameters of record-order-details.sql for each listed order (list items are orders as GET
     * /orders/{id} answers them), read by run runId.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> details(List<Map<String, Object>> page, long runId) {
        List<Map<String, Object>> orders = new ArrayList<>(page.size());
        for (Map<String, Object> entry : page) {
            if (entry.get("order") instanceof Map<?, ?> order) {
                orders.add((Map<String, Object>) order);
            }
        }
        List<Map<String, Object>> rows = details.readAll(orders);
        rows.forEach(row -> row.put(RECONCILED_RUN, runId));
        return rows;
    }

    /** Each on its own: Unigox lists by status only. */
    @Override
    public List<Object> uncoveredChecks(List<Map<String, Object>> localRows) {
        return new ArrayList<>(localRows);
    }

    /**
     * One upstream order fetched alone (Unigox GET /orders/{id}): the order as Unigox sent it, with
     * {@code id} and {@code status} as text, or null.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetched(Integer httpStatus, String body, String transportError) {
        if (ReconcileListing.answer(httpStatus, body, transportError) instanceof Map<?, ?> envelope
                && envelope.get("data") instanceof Map<?, ?> data && data.get("status") != null) {
            Map<String, Object> entry = new HashMap<>((Map<String, Object>) data);
            entry.put("id", String.valueOf(data.get("order_id")));
            entry.put("status", data.get("status").toString());
            return entry;
        }
        return null; // reported as an error by the caller
    }

    /**
     * The Unigox status one fetched order sends to the status router, or null when there is nothing to
     * apply. Unigox reads {@code cancelled} before, during and after a refund (its contract: "the status
     * does not distinguish them and never will"); only {@code allowed_actions} tells them apart. So an
     * order of ours at {@code refund_pending} (we authorized the refund) that Unigox no longer offers
     * {@code authorize-refund} for has been refunded: its {@code refunded} webhook was lost.
     */
    public String statusToApply(String localStatus, Map<String, Object> fetched) {
        Object fetchedStatus = fetched == null ? null : fetched.get("status");
        if (refundDoneWithoutWord(localStatus, fetched)) {
            return "refunded";
        }
        return fetchedStatus == null || fetchedStatus.equals(localStatus) ? null : fetchedStatus.toString();
    }

    /** The timeline reason of a status reconciliation infers rather than reads (see statusToApply). */
    public String statusReason(String localStatus, Map<String, Object> fetched) {
        return refundDoneWithoutWord(localStatus, fetched)
                ? "Unigox reads cancelled and no longer offers authorize-refund after our authorization: refunded"
                : null;
    }

    private static boolean refundDoneWithoutWord(String localStatus, Map<String, Object> fetched) {
        return "refund_pending".equals(localStatus) && fetched != null && "cancelled".equals(fetched.get("status"))
                && !UnigoxOrderDetails.refundOffered(fetched);
    }
}
