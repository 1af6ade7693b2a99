package dev.offramp.sandbox.unigox;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's clock for steps nobody calls an endpoint for (vendor match, chain confirmation,
 * buyer proof, admin review, escrow release, KYC review): each runs {@code stepSeconds} after the
 * status it leaves was entered. With {@code stepSeconds} 0 nothing runs on its own and the sandbox
 * control endpoints drive every step. The tasks check, under the simulator's lock, that their order
 * or user is still in the status they were scheduled for, so a step overtaken by an API call or a
 * manual advance does nothing.
 */
final class StepScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StepScheduler.class);

    private final long stepSeconds;
    private final ScheduledExecutorService executor;

    StepScheduler(long stepSeconds) {
        this.stepSeconds = stepSeconds;
        if (stepSeconds > 0) {
            this.executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "unigox-sim-clock");
                t.setDaemon(true);
                return t;
            });
        } else {
            this.executor = null;
        }
    }

    /** Runs {@code step} one step from now; does nothing when steps are manual only. */
    void afterOneStep(Runnable step) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        executor.schedule(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.warn("sandbox clock step failed", e);
            }
        }, stepSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
