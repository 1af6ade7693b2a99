package dev.offramp.sandbox.changelly;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the next {@code remaining} requests to {@code path} will meet: an HTTP error ({@code status} 500
 * or 429, the latter with {@code Retry-After} if {@code retryAfterSeconds} is set), a delay of
 * {@code delayMs} before answering, or both (delay, then the error). With {@code afterProcessing} the
 * request is handled first (a sell order is created) and the fault then replaces its answer: the answer
 * is lost although the work was done.
 *
 * @param status null = no error, only the delay
 */
record ChangellyInjectedFault(String path, Integer status, int remaining, Integer retryAfterSeconds, long delayMs,
                     boolean afterProcessing) {

    ChangellyInjectedFault used() {
        return new ChangellyInjectedFault(path, status, remaining - 1, retryAfterSeconds, delayMs, afterProcessing);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", path);
        json.put("status", status);
        json.put("count", remaining);
        json.put("retryAfter", retryAfterSeconds);
        json.put("delayMs", delayMs);
        json.put("afterProcessing", afterProcessing);
        return json;
    }
}
