package dev.offramp.sandbox.unigox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Extra time the simulator takes before answering a path, armed through {@code POST /_sandbox/latency}:
 * a slow upstream, for timeout and fan-out tests and benchmarks. Kept until changed or reset.
 */
final class ResponseLatency {

    private final Map<String, Long> delayMillisByPath = new ConcurrentHashMap<>();

    void set(String path, long delayMillis) {
        if (delayMillis <= 0) {
            delayMillisByPath.remove(path);
        } else {
            delayMillisByPath.put(path, delayMillis);
        }
    }

    void reset() {
        delayMillisByPath.clear();
    }

    /** Waits the delay armed for the path, outside any lock: other requests are not held up. */
    void await(String path) {
        Long delay = delayMillisByPath.get(path);
        if (delay != null) {
            pause(delay);
        }
    }

    /** Sleeps the calling request's thread; an interrupt (shutdown) cuts the wait short and is kept. */
    static void pause(long delayMillis) {
        try {
            TimeUnit.MILLISECONDS.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
