package dev.offramp.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the bundle refuses, with the HTTP status and the JSON error the caller gets:
 * {@code {"error":{"code","message","field","upstream"}}}. Messages name the problem, never a secret.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final Map<String, Object> upstream;

    public ApiProblem(int status, String code, String message, String field, Map<String, Object> upstream) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.upstream = upstream;
    }

    /** The {@code upstream} part of an error: what the upstream itself answered. */
    public static Map<String, Object> upstream(String provider, Integer status, String code, String message, Object details) {
        Map<String, Object> upstream = new LinkedHashMap<>();
        upstream.put("provider", provider);
        upstream.put("status", status);
        upstream.put("code", code);
        upstream.put("message", message);
        upstream.put("details", details);
        return upstream;
    }

    public static ApiProblem badParameter(String field, String message) {
        return new ApiProblem(400, "invalid_parameter", message, field, null);
    }

    /** A request body field that is missing or wrong. */
    public static ApiProblem badField(String field, String message) {
        return new ApiProblem(400, "invalid_field", message, field, null);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(404, "not_found", what + " '" + id + "' not found", null, null);
    }

    /** The upstream's circuit breaker is open: the call was not made; it is worth trying again later. */
    public static ApiProblem circuitOpen(String provider, String name) {
        return new ApiProblem(503, "upstream_circuit_open", name + " is failing; calls to it are paused for a while, try again later",
                null, upstream(provider, null, null, null, null));
    }

    public static ApiProblem unauthorized(String header) {
        return new ApiProblem(401, "unauthorized", "missing or invalid " + header, header, null);
    }

    public int getStatus() {
        return status;
    }

    public String getCode() {
        return code;
    }

    public String getField() {
        return field;
    }

    public Map<String, Object> getUpstream() {
        return upstream;
    }

    /** The JSON error body, as a map for the JSON data format. */
    public Map<String, Object> toBody() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", getMessage());
        error.put("field", field);
        error.put("upstream", upstream);
        return Map.of("error", error);
    }
}
