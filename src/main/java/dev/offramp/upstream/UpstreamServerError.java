package dev.offramp.upstream;

/**
 * An upstream answered with a 5xx. Thrown inside the circuit breaker so that resilience4j counts the
 * answer as a failure (an answered request is otherwise a success to it), and caught right after it
 * with the answer intact, so the caller still sees the upstream's status, error body and Retry-After.
 */
public final class UpstreamServerError extends RuntimeException {

    private final int status;
    private final String body;
    private final String retryAfter;

    public UpstreamServerError(int status, String body, String retryAfter) {
        super("upstream answered " + status, null, false, false);
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    public int getStatus() {
        return status;
    }

    public String getBody() {
        return body;
    }

    public String getRetryAfter() {
        return retryAfter;
    }
}
