package dev.offramp.http;

import java.util.Map;

/**
 * Finds the {@link ApiProblem} behind a failure (routes wrap what beans throw) and renders it as the
 * API's status code and JSON error body.
 */
public final class ApiErrors {

    /** The ApiProblem in the cause chain of {@code failure}, or null. */
    public static ApiProblem find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    public int status(Throwable failure) {
        ApiProblem problem = find(failure);
        return problem == null ? 500 : problem.getStatus();
    }

    public Map<String, Object> body(Throwable failure) {
        ApiProblem problem = find(failure);
        return problem == null
                ? new ApiProblem(500, "internal_error", "the request could not be completed; it has been logged", null, null).toBody()
                : problem.toBody();
    }
}
