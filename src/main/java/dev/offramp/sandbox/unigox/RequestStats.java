package dev.offramp.sandbox.unigox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the simulator answered per route, keyed by method and path template
 * ({@code GET /api/v1/partner/orders/{order_id}}), so a benchmark can count the upstream calls a
 * reconciliation pass made; and per API path as the client called it, below {@code /api/v1/partner}
 * ({@code GET /orders/123}, the form {@code /_sandbox/faults} takes), so a test can count the retries
 * one order's call got, faulted ones included. Read with {@code GET /_sandbox/stats}, zeroed with
 * {@code POST /_sandbox/stats/reset} (and by {@code /_sandbox/reset}); the stats calls themselves are not counted.
 */
final class RequestStats {

    /**
     * Distinct paths kept: a test uses a handful, while a benchmark reading a million bulk orders one
     * by one would otherwise grow this map by a million keys and skew the heap it measures.
     */
    static final int MAX_PATHS = 1_000;

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> paths = new ConcurrentHashMap<>();
    private volatile boolean pathsTruncated;

    void count(String route) {
        calls.computeIfAbsent(route, k -> new LongAdder()).increment();
    }

    /** @param path method and path below the API base, e.g. {@code GET /orders/123} */
    void countPath(String path) {
        LongAdder n = paths.get(path);
        if (n == null) {
            // approximate under races (a few keys over the cap at most), which is all the cap needs
            if (paths.size() >= MAX_PATHS) {
                pathsTruncated = true;
                return;
            }
            n = paths.computeIfAbsent(path, k -> new LongAdder());
        }
        n.increment();
    }

    /** Calls per route, sorted by route. */
    Map<String, Object> snapshot() {
        return sorted(calls);
    }

    /** Calls per API path, sorted by path. */
    Map<String, Object> pathSnapshot() {
        return sorted(paths);
    }

    /** True once a path went uncounted because {@link #MAX_PATHS} were already kept. */
    boolean pathsTruncated() {
        return pathsTruncated;
    }

    void reset() {
        calls.clear();
        paths.clear();
        pathsTruncated = false;
    }

    private static Map<String, Object> sorted(Map<String, LongAdder> counts) {
        Map<String, Object> view = new TreeMap<>();
        counts.forEach((key, n) -> view.put(key, n.sum()));
        return view;
    }
}
