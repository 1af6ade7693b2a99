package dev.offramp.reconcile;

import dev.offramp.status.OrderStateMachine;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comparisons a reconciliation run makes, page by page: upstream list pages against local
 * orders, and which local orders are still open. Pure: the routes fetch and write.
 */
public final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final OrderStateMachine stateMachine;

    public Reconciliation(OrderStateMachine stateMachine) {
        this.stateMachine = stateMachine;
    }

    public RunSummary newSummary(Number runId) {
        return new RunSummary(runId.longValue());
    }

    public OffsetDateTime minutesAgo(int minutes) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutes);
    }

    public OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
    }

    /** A comma-separated setting as a list. */
    public List<String> list(String csv) {
        List<String> values = new ArrayList<>();
        for (String v : csv.split(",")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        return values;
    }

    /** The id after which the next keyset page of local orders starts. */
    public String lastId(List<Map<String, Object>> rows, String previous) {
        return rows == null || rows.isEmpty() ? previous : String.valueOf(rows.get(rows.size() - 1).get("id"));
    }

    public void countPage(RunSummary summary, List<Map<String, Object>> page) {
        summary.page(page.size());
    }

    /** Run rows as the admin API shows them. */
    public Map<String, Object> runs(List<Map<String, Object>> rows) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", row.get("id"));
            run.put("trigger", row.get("trigger_kind"));
            run.put("status", row.get("status"));
            run.put("started_at", dev.offramp.orders.OrderViews.time(row.get("started_at")));
            run.put("finished_at", dev.offramp.orders.OrderViews.time(row.get("finished_at")));
            for (String count : List.of("pages_fetched", "orders_checked", "changes_applied", "orphans", "stuck", "money_in_escrow", "errors")) {
                run.put(count, row.get(count));
            }
            run.put("error_detail", row.get("error_detail"));
            runs.add(run);
        }
        return Map.of("runs", runs);
    }

    public void countStuck(RunSummary summary, Number stuck) {
        summary.stuck(stuck == null ? 0 : stuck.intValue());
    }

    /** The parameters of select-stuck.sql: at most {@code limit} rows of each part of the report. */
    public Map<String, Object> stuckQuery(int limit, int stuckAfterMinutes) {
        Map<String, Object> query = new HashMap<>();
        query.put("limit", limit);
        query.put("stuckBefore", minutesAgo(stuckAfterMinutes));
        query.put("closedUnigox", closedStatuses("unigox"));
        query.put("closedChangelly", closedStatuses("changelly"));
        return query;
    }

    /**
     * The stuck report: orders holding the user's crypto in escrow apart from orders nothing has moved,
     * each with how long it has been so (age_minutes, from {@code since}), oldest first.
     */
    public Map<String, Object> stuckReport(List<Map<String, Object>> rows, int stuckAfterMinutes) {
        List<Map<String, Object>> escrow = new ArrayList<>();
        List<Map<String, Object>> stuck = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Map<String, Object> row : rows) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("id", row.get("id"));
            order.put("provider", row.get("provider"));
            order.put("provider_order_id", row.get("provider_order_id"));
            order.put("user_id", row.get("user_id"));
            order.put("status", row.get("status"));
            order.put("provider_status", row.get("provider_status"));
            order.put("crypto_amount", dev.offramp.http.Decimals.plain(row.get("crypto_amount")));
            order.put("crypto_currency", row.get("crypto_currency"));
            order.put("next_action", row.get("next_action"));
            String since = dev.offramp.orders.OrderViews.time(row.get("since"));
            order.put("since", since);
            order.put("age_minutes", since == null ? null : Duration.between(OffsetDateTime.parse(since), now).toMinutes());
            ("money_in_escrow".equals(String.valueOf(row.get("report")).trim()) ? escrow : stuck).add(order);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("stuck_after_minutes", stuckAfterMinutes);
        report.put("money_in_escrow", escrow);
        report.put("stuck", stuck);
        return report;
    }

    /** The two counts of count-stuck.sql (stuck, money_in_escrow) into the run's summary. */
    public void countStuckAndEscrow(RunSummary summary, Map<String, Object> counts) {
        countStuck(summary, counts == null ? null : (Number) counts.get("stuck"));
        summary.moneyInEscrow(counts == null || counts.get("money_in_escrow") == null ? 0
                : ((Number) counts.get("money_in_escrow")).intValue());
    }

    public void countSingle(RunSummary summary) {
        summary.single();
    }

    public void countChange(RunSummary summary, String outcome) {
        summary.applied(outcome);
    }

    /** The run's comparison stopped on an error: the run is partial and finished, the reason in its row. */
    public void stopped(RunSummary summary, Exception e) {
        LOG.error("reconciliation run {} stopped: {}", summary.getRunId(), e.toString());
        summary.error("run stopped: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /** An upstream call of the run that failed: the run becomes partial, the reason goes in its row. */
    public void error(RunSummary summary, String what, Integer httpStatus, String transportError) {
        String error = what + ": " + (transportError != null ? transportError : httpStatus == null ? "no answer" : "HTTP " + httpStatus);
        // a background call: nobody waits for its answer, so its failure is said here, with the answer code
        LOG.warn("reconciliation: {}", error);
        summary.error(error);
    }

    public void countOrphans(RunSummary summary, PageDiff diff) {
        summary.orphans(diff.orphans().size());
    }

    /** The upstream ids of a page, for the one query that finds their local orders. */
    public List<String> ids(List<Map<String, Object>> page) {
        List<String> ids = new ArrayList<>(page.size());
        for (Map<String, Object> o : page) {
            ids.add((String) o.get("id"));
        }
        return ids.isEmpty() ? List.of("") : ids;
    }

    /** Compares a page with the local orders of its ids (rows with id, provider_order_id, provider_status). */
    public PageDiff diff(List<Map<String, Object>> page, List<Map<String, Object>> localRows) {
        Map<String, Map<String, Object>> local = new HashMap<>();
        for (Map<String, Object> row : localRows) {
            local.put(String.valueOf(row.get("provider_order_id")), row);
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        List<Map<String, Object>> orphans = new ArrayList<>();
        for (Map<String, Object> upstream : page) {
            Map<String, Object> row = local.get(upstream.get("id"));
            if (row == null) {
                Map<String, Object> orphan = new LinkedHashMap<>();
                orphan.put("provider_order_id", upstream.get("id"));
                orphan.put("provider_status", upstream.get("status"));
                orphans.add(orphan);
                continue;
            }
            if (upstream.get("status") != null && !Objects.equals(upstream.get("status"), row.get("provider_status"))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("order_id", row.get("id"));
                change.put("provider_status", upstream.get("status"));
                changes.add(change);
            }
        }
        return new PageDiff(changes, orphans);
    }

    /** Whether a page was full, so another may follow (a short page is the last). */
    public boolean more(List<Map<String, Object>> page, int limit) {
        return page != null && page.size() >= limit;
    }

    /** Provider statuses in which an order needs no more checking (final ones; see {@link #closedStatuses}). */
    public List<String> closedStatuses(String provider) {
        List<String> closed = new ArrayList<>();
        var model = stateMachine.model(dev.offramp.status.Provider.fromId(provider));
        for (String status : model.statuses()) {
            if (model.isFinal(status)) {
                closed.add(status);
            }
        }
        // A cancelled Unigox order only moves on when a refund is owed, which the order.refund.required
        // webhook flags (refund_required). Without it, polling every cancelled order forever would make
        // each run cost more than the last.
        if ("unigox".equals(provider)) {
            closed.add("cancelled");
        }
        return closed;
    }
}
