package dev.offramp.sandbox.unigox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.offramp.sandbox.SandboxRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One matched request as the endpoint classes see it: path and query parameters, the JSON body, and
 * field readers that refuse a wrong type in the envelope of the endpoint's family (a missing field
 * is {@code required_fields_missing} or {@code INVALID_REQUEST}, a wrong one {@code invalid_field_value}
 * or {@code INVALID_REQUEST}). Types are checked strictly (an amount sent as a JSON number is refused),
 * because the simulator is there to catch client mistakes the real API would catch.
 */
final class Call {

    private final SandboxRequest request;
    private final Map<String, String> pathParams;
    private final SimError.Envelope envelope;
    private JsonNode body;

    Call(SandboxRequest request, Map<String, String> pathParams, SimError.Envelope envelope) {
        this.request = request;
        this.pathParams = pathParams;
        this.envelope = envelope;
    }

    SandboxRequest request() {
        return request;
    }

    String param(String name) {
        return pathParams.get(name);
    }

    /** Query parameters, decoded; the first value wins when one repeats. */
    Map<String, String> query() {
        Map<String, String> query = new HashMap<>();
        for (String pair : request.query().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** The body as a JSON object; an empty body reads as {@code {}} so required-field checks answer. */
    JsonNode body() {
        if (body == null) {
            if (request.body().length == 0) {
                body = JsonNodeFactory.instance.objectNode();
            } else {
                JsonNode parsed;
                try {
                    parsed = UnigoxJson.read(request.body());
                } catch (IOException e) {
                    throw invalid("request body is not valid JSON");
                }
                if (parsed == null || !parsed.isObject()) {
                    throw invalid("request body must be a JSON object");
                }
                body = parsed;
            }
        }
        return body;
    }

    /** A string field of {@code parent}, or null when absent or JSON null. */
    String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.asText();
    }

    /** A non-blank string field of {@code parent}. */
    String requiredText(JsonNode parent, String field) {
        String value = text(parent, field);
        if (value == null || value.isBlank()) {
            throw missing(List.of(field));
        }
        return value.trim();
    }

    /** A nested object field, or null when absent. */
    JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid(field + " must be an object");
        }
        return node;
    }

    SimError invalid(String message) {
        return SimError.inFamily(envelope, 400, "INVALID_REQUEST", "invalid_field_value", message);
    }

    SimError missing(List<String> fields) {
        String message = "missing required field" + (fields.size() > 1 ? "s: " : ": ") + String.join(", ", fields);
        return SimError.inFamily(envelope, 400, "INVALID_REQUEST", "required_fields_missing", message);
    }

    private String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("malformed query string");
        }
    }
}
