package dev.offramp.changelly;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.JsonBodies;
import dev.offramp.upstream.UpstreamFailures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Changelly answers: the JSON of a 2xx, or our JSON error from {@code {errorType, errorMessage,
 * errorDetails}} with the type kept (when to try again is {@link dev.offramp.upstream.RetryPolicy}'s).
 */
public final class ChangellyResponses {

    /**
     * Whether a failed unsafe call may still have taken effect upstream (timeout, lost answer, 5xx).
     * An open circuit is certain: the call was never sent.
     */
    public boolean uncertain(Integer status, String transportError) {
        if (UpstreamFailures.CIRCUIT_OPEN.equals(transportError)) {
            return false;
        }
        return transportError != null || status == null || status >= 500;
    }

    /** The parsed JSON of a 2xx answer, or the ApiProblem for anything else. */
    public Object data(Integer status, String body, String transportError) {
        if (UpstreamFailures.CIRCUIT_OPEN.equals(transportError)) {
            throw ApiProblem.circuitOpen("changelly", "Changelly");
        }
        if ("timeout".equals(transportError)) {
            throw new ApiProblem(504, "upstream_timeout", "Changelly did not answer in time", null, ApiProblem.upstream("changelly", null, null, null, null));
        }
        if (transportError != null || status == null) {
            throw new ApiProblem(502, "upstream_unavailable", "Changelly could not be reached", null, ApiProblem.upstream("changelly", null, null, null, null));
        }
        Object parsed = parse(body);
        if (status >= 200 && status < 300 && parsed != null) {
            return parsed;
        }
        String type = null;
        String message = null;
        Object details = null;
        if (parsed instanceof Map<?, ?> error) {
            type = error.get("errorType") == null ? null : error.get("errorType").toString();
            message = error.get("errorMessage") == null ? null : error.get("errorMessage").toString();
            details = error.get("errorDetails");
        }
        int ours = switch (status) {
            case 400, 404, 409, 422 -> status;
            case 410 -> 409;
            case 429 -> 503;
            default -> 502;
        };
        String code = ours == 502 ? "upstream_error" : ours == 503 ? "upstream_rate_limited"
                : type == null ? "upstream_" + status : type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return fail(new ApiProblem(ours, code, "Changelly: " + (message != null ? message : "HTTP " + status), null,
                ApiProblem.upstream("changelly", status, type, message, details)));
    }

    private static Object fail(ApiProblem problem) {
        throw problem;
    }

    private static Object parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JsonBodies.parse(body);
        } catch (Exception unreadable) {
            return null;
        }
    }

}
