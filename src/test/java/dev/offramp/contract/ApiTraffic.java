package dev.offramp.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the route tests' HTTP client reports each exchange with the bundle, and where
 * {@link OffRampApiContractExtension} watches them: while a test of a class with the extension runs,
 * every exchange is checked against the bundle's own contract ({@link OffRampApiContract}); otherwise a
 * report costs nothing. One watch at a time: surefire runs the route test classes one after another.
 */
public final class ApiTraffic {

    private static volatile Watch current;

    private ApiTraffic() {
    }

    /** Called by the test HTTP client after each answer of the bundle. */
    public static void seen(OffRampApiContract.Exchange exchange) {
        Watch watch = current;
        if (watch != null) {
            watch.check(exchange);
        }
    }

    static Watch watch() {
        Watch watch = new Watch();
        current = watch;
        return watch;
    }

    static void stop(Watch watch) {
        if (current == watch) {
            current = null;
        }
    }

    /** The violations seen while one test ran, and how many /api/ exchanges were checked. */
    static final class Watch {

        private final List<String> violations = new ArrayList<>();
        private int checked;

        void check(OffRampApiContract.Exchange exchange) {
            List<String> found = OffRampApiContract.get().violations(exchange);
            synchronized (this) {
                if (exchange.path().startsWith("/api/")) {
                    checked++;
                }
                violations.addAll(found);
            }
        }

        synchronized List<String> violations() {
            return new ArrayList<>(violations);
        }

        synchronized int checked() {
            return checked;
        }
    }
}
