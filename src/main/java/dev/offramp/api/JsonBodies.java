package dev.offramp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks JSON request bodies. Every refusal is an {@link ApiProblem} 400 naming the field,
 * so a caller learns what to fix and nothing is written.
 */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,18})?");

    /** Routes bind one instance as {@code jsonBodies}. */
    public JsonBodies() {
    }

    /** For routes: {@code jsonBodies.parseObject(${body})}. */
    public Map<String, Object> parseObject(String body) {
        return object(body);
    }

    /** The body as a JSON object; a missing, malformed or non-object body is a 400. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object body) {
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : body == null ? "" : body.toString();
        if (text.isBlank()) {
            throw new ApiProblem(400, "invalid_json", "the request body must be a JSON object", null, null);
        }
        Object parsed;
        try {
            parsed = MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "invalid_json", "the request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", null, null);
        }
        if (!(parsed instanceof Map)) {
            throw new ApiProblem(400, "invalid_json", "the request body must be a JSON object", null, null);
        }
        return (Map<String, Object>) parsed;
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static Object parse(String text) throws JsonProcessingException {
        return MAPPER.readValue(text, Object.class);
    }

    /** A required non-blank string of at most {@code maxLength} characters. */
    public static String requiredString(Map<String, Object> body, String field, int maxLength) {
        Object value = body.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw ApiProblem.badField(field, field + " is required");
        }
        return string(field, value, maxLength);
    }

    public static String optionalString(Map<String, Object> body, String field, int maxLength) {
        Object value = body.get(field);
        return value == null ? null : string(field, value, maxLength);
    }

    private static String string(String field, Object value, int maxLength) {
        if (!(value instanceof String s)) {
            throw ApiProblem.badField(field, field + " must be a string");
        }
        if (s.length() > maxLength) {
            throw ApiProblem.badField(field, field + " must be at most " + maxLength + " characters");
        }
        return s.trim();
    }

    /** A required JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> requiredObject(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (!(value instanceof Map)) {
            throw ApiProblem.badField(field, field + " is required and must be a JSON object");
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    /**
     * A positive decimal amount given as a string ("100.5") or a JSON number, returned as a plain
     * decimal string. Never goes through a double.
     */
    public static String optionalAmount(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger ? value.toString()
                : value instanceof String s ? s.trim() : null;
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw ApiProblem.badField(field, field + " must be a positive decimal amount such as \"100.50\"");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            throw ApiProblem.badField(field, field + " must be greater than zero");
        }
        return amount.stripTrailingZeros().toPlainString();
    }

    /** A required value from a fixed set. */
    public static String requiredOneOf(Map<String, Object> body, String field, List<String> allowed) {
        String value = requiredString(body, field, 100);
        if (!allowed.contains(value)) {
            throw ApiProblem.badField(field, field + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }
}
