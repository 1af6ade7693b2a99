package dev.offramp.upstream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Names what went wrong with one upstream attempt, for the routes' {@code <upstream>TransportError}
 * variable: {@code timeout}, {@code unreachable}, {@code circuit_open}, or null for an answer (even a
 * 5xx, which keeps its status and body).
 */
public final class UpstreamFailures {

    public static final String TIMEOUT = "timeout";
    public static final String UNREACHABLE = "unreachable";
    public static final String CIRCUIT_OPEN = "circuit_open";

    /** Throws {@link UpstreamServerError} for a 5xx so the circuit breaker counts it; otherwise does nothing. */
    public void raiseOnServerError(Integer status, String retryAfter, String body) {
        if (status != null && status >= 500) {
            throw new UpstreamServerError(status, body, retryAfter);
        }
    }

    /**
     * The failure the circuit breaker's fallback received. Null means the breaker did not let the call
     * through (Camel passes no exception then).
     */
    public String kind(Throwable failure) {
        if (failure == null || find(failure, CallNotPermittedException.class) != null) {
            return CIRCUIT_OPEN;
        }
        if (find(failure, UpstreamServerError.class) != null) {
            return null;
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return TIMEOUT;
        }
        if (find(failure, IOException.class) != null) {
            return UNREACHABLE;
        }
        // anything else (a bug of ours, a bad URL) is a local failure: let the caller's error handling see it
        throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
    }

    /** The 5xx answer inside a failure, or null. */
    public UpstreamServerError serverError(Throwable failure) {
        return failure == null ? null : find(failure, UpstreamServerError.class);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
