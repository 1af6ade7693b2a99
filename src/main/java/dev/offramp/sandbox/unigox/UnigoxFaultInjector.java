package dev.offramp.sandbox.unigox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults armed through {@code POST /_sandbox/faults}, at most one per path and method (arming the same
 * pair again replaces it). API requests that got past the key check consume them: a request the
 * upstream would refuse with 401 never reaches the servers that fail, so it does not use up a fault.
 * The most specific fault wins: this path and method, this path, every path and this method, every path.
 */
final class UnigoxFaultInjector {

    private record Key(String path, String method) {
    }

    /** Insertion-ordered, so {@code GET /_sandbox/faults} lists them in the order they were armed. */
    private final Map<Key, UnigoxInjectedFault> armed = new LinkedHashMap<>();

    synchronized void arm(UnigoxInjectedFault fault) {
        armed.put(new Key(fault.path(), fault.method()), fault);
    }

    /** Takes one use of the fault this request meets, if any. */
    synchronized Optional<UnigoxInjectedFault> take(String method, String apiPath) {
        for (Key key : List.of(new Key(apiPath, method), new Key(apiPath, null),
                new Key(UnigoxInjectedFault.EVERY_PATH, method), new Key(UnigoxInjectedFault.EVERY_PATH, null))) {
            UnigoxInjectedFault fault = armed.get(key);
            if (fault != null) {
                UnigoxInjectedFault rest = fault.used();
                if (rest.remaining() > 0) {
                    armed.put(key, rest);
                } else {
                    armed.remove(key);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    synchronized List<UnigoxInjectedFault> armed() {
        return new ArrayList<>(armed.values());
    }

    /** @return how many faults were armed */
    synchronized int clear() {
        int n = armed.size();
        armed.clear();
        return n;
    }
}
