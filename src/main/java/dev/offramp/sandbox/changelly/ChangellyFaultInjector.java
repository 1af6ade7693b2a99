package dev.offramp.sandbox.changelly;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults armed through {@code POST /_sandbox/faults}, at most one per path (arming a path again replaces
 * it). Authenticated API requests consume them: a request the upstream would refuse with 401 anyway never
 * reaches its rate limiter or its servers, and so does not use up a fault.
 */
final class ChangellyFaultInjector {

    private final Map<String, ChangellyInjectedFault> byPath = new HashMap<>();

    synchronized void arm(ChangellyInjectedFault fault) {
        byPath.put(fault.path(), fault);
    }

    /** Takes one use of the fault armed for this path, if any. */
    synchronized Optional<ChangellyInjectedFault> take(String path) {
        ChangellyInjectedFault fault = byPath.get(path);
        if (fault == null) {
            return Optional.empty();
        }
        ChangellyInjectedFault rest = fault.used();
        if (rest.remaining() > 0) {
            byPath.put(path, rest);
        } else {
            byPath.remove(path);
        }
        return Optional.of(fault);
    }

    synchronized List<ChangellyInjectedFault> armed() {
        return List.copyOf(byPath.values());
    }

    synchronized void clear() {
        byPath.clear();
    }
}
