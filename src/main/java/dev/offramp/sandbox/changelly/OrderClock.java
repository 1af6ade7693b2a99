package dev.offramp.sandbox.changelly;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves orders along created → pending → complete on their own, one step {@code stepSeconds} after each
 * status change, on one background thread. Each step is scheduled for the status the order had at the time;
 * if the status changed meanwhile (PATCH, the advance endpoint) the step does nothing, and the newer change
 * has scheduled its own. {@code stepSeconds == 0} switches the clock off: orders move only on request.
 */
final class OrderClock implements AutoCloseable {

    /** What one step does: the order book's conditional step. */
    @FunctionalInterface
    interface StepAction {
        void step(String orderId, int expectedStatusChanges);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OrderClock.class);

    private final int stepSeconds;
    private final StepAction action;
    private final ScheduledExecutorService scheduler;

    OrderClock(int stepSeconds, StepAction action) {
        this.stepSeconds = stepSeconds;
        this.action = action;
        this.scheduler = stepSeconds == 0 ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "changelly-sandbox-clock");
            // never keeps the JVM alive; the bundle stops it explicitly on shutdown
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Schedules the order's next step if its status has one. */
    void scheduleNextStep(SellOrder order) {
        if (scheduler == null || order.status().nextStep().isEmpty()) {
            return;
        }
        String orderId = order.orderId();
        int statusChanges = order.statusChanges();
        try {
            scheduler.schedule(() -> {
                try {
                    action.step(orderId, statusChanges);
                } catch (RuntimeException e) {
                    LOG.warn("Changelly sandbox: automatic step of order {} failed: {}", orderId, e.toString());
                }
            }, stepSeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopped) {
            // the bundle is shutting down: the order simply stays where it is
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
