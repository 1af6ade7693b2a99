package dev.offramp.sandbox.unigox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the simulator answered per route, keyed by method and path template
 * ({@code GET /api/v1/partner/orders/{order_id}}), so a benchmark can count the upstream calls a
 * reconciliation pass made. Read with {@code GET /_sandbox/stats}, zeroed with
 * {@code POST /_sandbox/stats/reset} (and by {@code /_sandbox/reset}); the stats calls themselves are not counted.
 */
final class RequestStats {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    void count(String route) {
        calls.computeIfAbsent(route, k -> new LongAdder()).increment();
    }

    /** Calls per route, sorted by route. */
    Map<String, Object> snapshot() {
        Map<String, Object> view = new TreeMap<>();
        calls.forEach((route, n) -> view.put(route, n.sum()));
        return view;
    }

    void reset() {
        calls.clear();
    }
}
