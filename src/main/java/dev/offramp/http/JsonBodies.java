package dev.offramp.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks JSON request bodies. Every refusal is an {@link ApiProblem} 400 naming the field,
 * so a caller learns what to fix and nothing is written.
 */
public final class JsonBodies {

    /** Writes only: everything read from outside goes through {@link BoundedJson}. */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,18})?");
    /** The amount pattern's bounds, checked on a BigDecimal's precision and scale before it is ever written out. */
    private static final int AMOUNT_INTEGER_DIGITS = 20;
    private static final int AMOUNT_FRACTION_DIGITS = 18;

    /** Routes bind one instance as {@code jsonBodies}. */
    public JsonBodies() {
    }

    /**
     * For routes: {@code jsonBodies.parseObject} with the body as its bytes, so that invalid UTF-8 is
     * refused rather than silently replaced.
     */
    public Map<String, Object> parseObject(byte[] body) {
        return object(body);
    }

    /** The body (bytes as UTF-8, or text) as a JSON object; a missing, malformed or non-object body is a 400. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object body) {
        Object parsed;
        try {
            parsed = body instanceof byte[] bytes ? BoundedJson.read(bytes) : BoundedJson.read(body == null ? "" : body.toString());
        } catch (BoundedJson.Refused refused) {
            throw new ApiProblem(400, "invalid_json", refused.getMessage(), refused.path(), null);
        }
        if (!(parsed instanceof Map)) {
            throw new ApiProblem(400, "invalid_json", "the body must be a JSON object", null, null);
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

    /**
     * Any JSON value from outside (an upstream's answer, a stored document), within {@link BoundedJson}'s limits.
     *
     * @throws BoundedJson.Refused when it is not one JSON value within them
     */
    public static Object parse(String text) {
        return BoundedJson.read(text);
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
        String text;
        if (value instanceof BigDecimal d) {
            // never toPlainString() on a number whose size is not known: 1E+999999999 is a gigabyte of zeros
            if (d.scale() > AMOUNT_FRACTION_DIGITS || d.precision() - d.scale() > AMOUNT_INTEGER_DIGITS) {
                throw ApiProblem.badField(field, field + " must be a positive decimal amount of at most "
                        + AMOUNT_INTEGER_DIGITS + " digits before the point and " + AMOUNT_FRACTION_DIGITS + " after it");
            }
            text = d.toPlainString();
        } else {
            text = value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger ? value.toString()
                    : value instanceof String s ? s.trim() : null;
        }
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
