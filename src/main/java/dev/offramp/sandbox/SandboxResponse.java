package dev.offramp.sandbox;

import java.util.Map;

/**
 * A simulator's answer.
 *
 * @param status HTTP status
 * @param contentType e.g. application/json
 * @param body the body text (may be empty)
 * @param headers extra response headers (e.g. Retry-After), may be empty
 */
public record SandboxResponse(int status, String contentType, String body, Map<String, String> headers) {

    public static SandboxResponse json(int status, String body) {
        return new SandboxResponse(status, "application/json", body, Map.of());
    }
}
