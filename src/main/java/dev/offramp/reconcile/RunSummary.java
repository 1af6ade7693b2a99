package dev.offramp.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * The running count of one reconciliation run: what the run-summary row and the metrics report.
 * One run is executed by one thread at a time, but the counters are synchronized anyway: the
 * admin API may read a summary while its run is still going.
 */
public final class RunSummary {

    private final long runId;
    private int pagesFetched;
    private int ordersChecked;
    private int changesApplied;
    private int orphans;
    private int stuck;
    private int moneyInEscrow;
    private int errors;
    private final List<String> errorDetails = new ArrayList<>();

    public RunSummary(long runId) {
        this.runId = runId;
    }

    public long getRunId() {
        return runId;
    }

    public synchronized void page(int orders) {
        pagesFetched++;
        ordersChecked += orders;
    }

    /** A single-order fetch: an upstream call that checked one order. */
    public synchronized void single() {
        page(1);
    }

    public synchronized void applied(String outcome) {
        if ("applied".equals(outcome)) {
            changesApplied++;
        }
    }

    public synchronized void orphans(int count) {
        orphans += count;
    }

    public synchronized void stuck(int count) {
        stuck = count;
    }

    /** Orders whose crypto sits in escrow until a refund is authorized and done (counted apart from stuck). */
    public synchronized void moneyInEscrow(int count) {
        moneyInEscrow = count;
    }

    /**
     * A run error, "what: why". The first ten are kept for the run's row, each shortened in its middle
     * when long: a request naming many order ids kept only its head before, and lost the why (the 414).
     */
    public synchronized void error(String what) {
        errors++;
        if (errorDetails.size() < 10) {
            errorDetails.add(what.length() > 180 ? what.substring(0, 120) + " … " + what.substring(what.length() - 57) : what);
        }
    }

    public synchronized boolean partial() {
        return errors > 0;
    }

    public synchronized String status() {
        return errors > 0 ? "partial" : "completed";
    }

    public synchronized int getPagesFetched() {
        return pagesFetched;
    }

    public synchronized int getOrdersChecked() {
        return ordersChecked;
    }

    public synchronized int getChangesApplied() {
        return changesApplied;
    }

    public synchronized int getOrphans() {
        return orphans;
    }

    public synchronized int getStuck() {
        return stuck;
    }

    public synchronized int getMoneyInEscrow() {
        return moneyInEscrow;
    }

    public synchronized int getErrors() {
        return errors;
    }

    public synchronized String getErrorDetail() {
        return errorDetails.isEmpty() ? null : String.join("; ", errorDetails);
    }
}
