package dev.offramp.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request to a simulator, free of any framework type.
 *
 * @param method upper-case HTTP method
 * @param path the path below the simulator's mount point, starting with "/" (e.g. "/api/v1/partner/users")
 * @param query the raw query string without "?", or "" (still percent-encoded, exactly as sent)
 * @param headers request headers with lower-case names
 * @param body the raw body bytes (empty, never null)
 */
public record SandboxRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public SandboxRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = query == null ? "" : query;
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
