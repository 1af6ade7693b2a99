package dev.offramp.sandbox.changelly;

import dev.offramp.sandbox.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer in the upstream's error model, {@code {errorType, errorMessage, errorDetails}}, thrown
 * from wherever the problem is found and turned into the response once, at the simulator's edge.
 */
final class ChangellyApiError extends RuntimeException {

    /** One entry of {@code errorDetails}: what was wrong ({@code cause}) and why ({@code value}). */
    record Detail(String cause, String value) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cause", cause);
            json.put("value", value);
            return json;
        }
    }

    private final int status;
    private final String errorType;
    private final String errorMessage;
    private final List<Detail> details;
    private final Map<String, String> headers;

    ChangellyApiError(int status, String errorType, String errorMessage, List<Detail> details, Map<String, String> headers) {
        // control flow, not a bug: no stack trace needed
        super(errorType + ": " + errorMessage, null, false, false);
        this.status = status;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.details = details;
        this.headers = headers;
    }

    static ChangellyApiError validation(String cause, String value) {
        return validation(List.of(new Detail(cause, value)));
    }

    static ChangellyApiError validation(List<Detail> details) {
        return new ChangellyApiError(400, "validation", "Validation error", List.copyOf(details), Map.of());
    }

    /** The documented 401 body, with {@code errorDetails: null}: nothing is said about why. */
    static ChangellyApiError unauthorized() {
        return new ChangellyApiError(401, "unauthorized", "Unauthorized", null, Map.of());
    }

    /** 404 is a documented code but its body is not; this one follows the validation sample's wording. */
    static ChangellyApiError orderNotFound() {
        return new ChangellyApiError(404, "notFound", "Not found", List.of(new Detail("id", "Incorrect order ID")), Map.of());
    }

    static ChangellyApiError routeNotFound() {
        return new ChangellyApiError(404, "notFound", "Not found", null, Map.of());
    }

    static ChangellyApiError internalServerError() {
        return new ChangellyApiError(500, "internalServerError", "Internal server error", null, Map.of());
    }

    /** A per-provider problem (limits, country, ...) raised for a request that needs that provider. */
    static ChangellyApiError ofOfferError(SellOffer.Failure failure) {
        return new ChangellyApiError(400, failure.errorType(), failure.errorMessage(), failure.details(), Map.of());
    }

    static ChangellyApiError tooManyRequests(Integer retryAfterSeconds) {
        Map<String, String> headers = retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", retryAfterSeconds.toString());
        return new ChangellyApiError(429, "tooManyRequests", "Too many requests", null, headers);
    }

    int status() {
        return status;
    }

    SandboxResponse toResponse() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorType", errorType);
        body.put("errorMessage", errorMessage);
        body.put("errorDetails", details == null ? null : details.stream().map(Detail::toJson).toList());
        return new SandboxResponse(status, "application/json", ChangellyJson.write(body), headers);
    }
}
