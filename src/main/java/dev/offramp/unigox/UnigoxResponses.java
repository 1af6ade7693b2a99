package dev.offramp.unigox;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.JsonBodies;
import dev.offramp.upstream.UpstreamFailures;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what the Unigox partner API answered: the {@code data} of a success envelope, or our JSON
 * error for either of its error envelopes, with the upstream code kept.
 *
 * <p>Status mapping: 400/404/409/422 keep their status (the caller's request or the order's state is
 * the problem: QUOTE_EXPIRED, QUOTE_ALREADY_USED, PRICE_CHANGED_REQUOTE stay 409 with their details,
 * KYC_NOT_CLEARED stays 422); 401/403 become 502 (our partner key is wrong: not the caller's fault);
 * 429 becomes 503; 5xx and anything unreadable become 502.
 */
public final class UnigoxResponses {

    /**
     * The {@code data} of a 2xx success envelope, or the ApiProblem for anything else, including a
     * transport failure ({@code timeout}: 504, {@code unreachable}: 502) and an open circuit (503).
     */
    public Object data(Integer httpStatus, String body, String transportError) {
        if (UpstreamFailures.CIRCUIT_OPEN.equals(transportError)) {
            throw ApiProblem.circuitOpen("unigox", "Unigox");
        }
        if ("timeout".equals(transportError)) {
            throw new ApiProblem(504, "upstream_timeout", "Unigox did not answer in time", null, ApiProblem.upstream("unigox", 0, null, null, null));
        }
        if (transportError != null || httpStatus == null) {
            throw new ApiProblem(502, "upstream_unavailable", "Unigox could not be reached", null, ApiProblem.upstream("unigox", 0, null, null, null));
        }
        return data(httpStatus.intValue(), body);
    }

    /**
     * What went wrong with an answer, for a log line, or null when it is a success: the upstream's
     * HTTP status and error code ({@code HTTP 401 unauthorized}), or the transport failure
     * ({@code timeout}, {@code unreachable}, {@code circuit_open}). Never the upstream's message text.
     */
    public String failure(Integer httpStatus, String body, String transportError) {
        if (transportError != null) {
            return transportError;
        }
        try {
            data(httpStatus, body, null);
            return null;
        } catch (ApiProblem problem) {
            Map<String, Object> upstream = problem.getUpstream();
            Object code = upstream == null ? null : upstream.get("code");
            return "HTTP " + httpStatus + (code == null ? "" : " " + code);
        }
    }

    /** The {@code data} of a 2xx success envelope (a map or a list), or the ApiProblem for anything else. */
    public Object data(int httpStatus, String body) {
        if (httpStatus >= 200 && httpStatus < 300 && (body == null || body.isBlank())) {
            // Unigox's OpenAPI documents some 2xx answers without a body (authorize-crypto-transfer,
            // confirm-fiat-received, cancel): a success with no data, not a broken envelope
            return Map.of();
        }
        Map<String, Object> envelope = envelope(httpStatus, body);
        if (httpStatus >= 200 && httpStatus < 300 && Boolean.TRUE.equals(envelope.get("success"))) {
            Object data = envelope.get("data");
            return data == null ? Map.of() : data;
        }
        throw problem(httpStatus, envelope);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(int httpStatus, String body) {
        try {
            Object parsed = body == null || body.isBlank() ? null : JsonBodies.parse(body);
            if (parsed instanceof Map) {
                return (Map<String, Object>) parsed;
            }
        } catch (Exception unreadable) {
            // reported below without the body: it may be an HTML error page or worse
        }
        throw new ApiProblem(502, "upstream_error", "Unigox answered HTTP " + httpStatus + " with a body that is not its JSON envelope",
                null, ApiProblem.upstream("unigox", httpStatus, null, null, null));
    }

    @SuppressWarnings("unchecked")
    static ApiProblem problem(int httpStatus, Map<String, Object> envelope) {
        String code = null;
        String message = null;
        Object details = null;
        Object error = envelope.get("error");
        Object data = envelope.get("data");
        if (error instanceof Map<?, ?> partner) {
            // partner envelope: {"success":false,"error":{"code","message","details"}}
            code = string(partner.get("code"));
            message = string(partner.get("message"));
            details = partner.get("details");
        } else if (error instanceof String text) {
            // the odd payment-details 422: "error" is a plain sentence
            message = text;
        } else if (data instanceof Map<?, ?> legacy) {
            // legacy envelope: {"success":false,"data":{"error_key","message"}}
            code = string(legacy.get("error_key"));
            message = string(legacy.get("message"));
        }
        int ours = ourStatus(httpStatus);
        String ourCode = ours == 502 ? "upstream_error" : ours == 503 ? "upstream_rate_limited" : codeFor(code, httpStatus);
        String text = message != null ? message : code != null ? code : "Unigox answered HTTP " + httpStatus;
        return new ApiProblem(ours, ourCode, "Unigox: " + text, null, ApiProblem.upstream("unigox", httpStatus, code, message, details));
    }

    static int ourStatus(int upstreamStatus) {
        return switch (upstreamStatus) {
            case 400, 404, 409, 422 -> upstreamStatus;
            case 429 -> 503;
            default -> 502;
        };
    }

    private static String codeFor(String upstreamCode, int httpStatus) {
        if (upstreamCode == null || upstreamCode.isBlank()) {
            return "upstream_" + httpStatus;
        }
        // legacy error keys can be free text ("webhook URL is not set"): keep them readable as a code
        return upstreamCode.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }


    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
