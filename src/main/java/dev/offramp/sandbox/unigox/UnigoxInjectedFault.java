package dev.offramp.sandbox.unigox;

import dev.offramp.sandbox.SandboxResponse;
import java.util.Map;
import java.util.Optional;

/**
 * A failure the next {@code remaining} API requests to {@code path} meet, armed through
 * {@code POST /_sandbox/faults}: wait {@code delayMs}, then answer {@code status} in the endpoint family's
 * error envelope (with {@code Retry-After} when {@code retryAfterSeconds} is set), or a 200 whose body is
 * not JSON ({@code malformed}), or neither: the request then goes on as usual, only late. With
 * {@code afterProcessing} the endpoint runs first (an initiate creates its order) and the fault then
 * replaces its answer: the answer is lost although the work was done.
 *
 * @param path below {@code /api/v1/partner} as the client calls it ({@code /orders/123}), or {@link #EVERY_PATH}
 * @param method e.g. {@code GET}; null = any method
 * @param status null = no error answer
 */
record UnigoxInjectedFault(String path, String method, Integer status, int remaining, Integer retryAfterSeconds,
                     long delayMs, boolean malformed, boolean afterProcessing) {

    /** The path that matches every API path: a total outage, for circuit-breaker tests. */
    static final String EVERY_PATH = "*";

    /** Starts like a real answer and breaks off, as a body cut short would: only parsing it can tell. */
    static final String MALFORMED_BODY = "{\"success\": tru";

    UnigoxInjectedFault used() {
        return new UnigoxInjectedFault(path, method, status, remaining - 1, retryAfterSeconds, delayMs, malformed, afterProcessing);
    }

    /** What to answer once the delay is over; empty when the request should go on to its endpoint. */
    Optional<SandboxResponse> answer(SimError.Envelope envelope) {
        if (malformed) {
            return Optional.of(SandboxResponse.json(200, MALFORMED_BODY));
        }
        if (status == null) {
            return Optional.empty();
        }
        SimError error = SimError.inFamily(envelope, status, "SANDBOX_INJECTED_FAULT", "sandbox_injected_fault",
                "fault injected through /_sandbox/faults");
        Map<String, String> headers = retryAfterSeconds == null
                ? Map.of() : Map.of("Retry-After", retryAfterSeconds.toString());
        return Optional.of(new SandboxResponse(status, "application/json", UnigoxJson.write(error.body()), headers));
    }

    /** The fields {@code POST /_sandbox/faults} takes, so a listed fault can be posted again as is. */
    Map<String, Object> toJson() {
        return UnigoxJson.object("path", path, "method", method, "status", status, "count", remaining,
                "retryAfter", retryAfterSeconds, "delayMs", delayMs, "malformed", malformed,
                "afterProcessing", afterProcessing);
    }
}
