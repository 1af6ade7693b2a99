package dev.offramp.reconcile;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The last reconciliation run as Prometheus gauges: when it finished, when one last completed, and
 * what it found (changes applied = the drift webhooks left, orphans, stuck orders, errors).
 */
public final class ReconcileMetrics {

    private final Supplier<MeterRegistry> registry;
    private final Clock clock;
    private final AtomicLong finishedAt = new AtomicLong();
    private final AtomicLong lastSuccessAt = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong orphans = new AtomicLong();
    private final AtomicLong stuck = new AtomicLong();
    private final AtomicLong moneyInEscrow = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();
    private volatile boolean registered;

    /** @param registry looked up on first use: the registry may be created after this bean */
    public ReconcileMetrics(Supplier<MeterRegistry> registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void record(RunSummary summary) {
        register();
        long now = clock.instant().getEpochSecond();
        finishedAt.set(now);
        if (!summary.partial()) {
            lastSuccessAt.set(now);
        }
        changes.set(summary.getChangesApplied());
        orphans.set(summary.getOrphans());
        stuck.set(summary.getStuck());
        moneyInEscrow.set(summary.getMoneyInEscrow());
        errors.set(summary.getErrors());
        checked.set(summary.getOrdersChecked());
    }

    private synchronized void register() {
        MeterRegistry r = registry.get();
        if (registered || r == null) {
            return;
        }
        gauge(r, "offramp.reconcile.last.run.finished.seconds", finishedAt, "epoch seconds the last run finished");
        gauge(r, "offramp.reconcile.last.success.seconds", lastSuccessAt, "epoch seconds the last complete run finished");
        gauge(r, "offramp.reconcile.last.run.changes", changes, "status changes the last run applied (drift)");
        gauge(r, "offramp.reconcile.last.run.orphans", orphans, "upstream orders with no local order, last run");
        gauge(r, "offramp.reconcile.last.run.stuck", stuck, "open orders older than the stuck threshold, last run");
        gauge(r, "offramp.reconcile.last.run.money.in.escrow", moneyInEscrow,
                "Unigox orders whose crypto waits in escrow for a refund (refund owed or executing), last run");
        gauge(r, "offramp.reconcile.last.run.errors", errors, "upstream failures in the last run");
        gauge(r, "offramp.reconcile.last.run.checked", checked, "orders checked by the last run");
        registered = true;
    }

    private static void gauge(MeterRegistry r, String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::doubleValue).description(description).register(r);
    }
}
