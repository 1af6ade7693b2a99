package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields of a JSON request body and collects every problem, so one 400 names all bad
 * fields at once (as the upstream's {@code errorDetails} list allows).
 */
final class JsonFields {

    private static final String REQUIRED = "Parameter is required";

    private final JsonNode body;
    private final List<ChangellyApiError.Detail> problems = new ArrayList<>();

    JsonFields(JsonNode body) {
        this.body = body;
    }

    boolean has(String name) {
        return body.has(name);
    }

    String requiredText(String name) {
        String value = optionalText(name);
        if (value == null && !hasProblem(name)) {
            problem(name, REQUIRED);
        }
        return value;
    }

    /** A string, or null when absent or JSON null; blank counts as absent. */
    String optionalText(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(name, "Must be a string");
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    String requiredAmount(String name) {
        String value = optionalAmount(name);
        if (value == null && !hasProblem(name)) {
            problem(name, REQUIRED);
        }
        return value;
    }

    /**
     * A positive decimal given as a string or a JSON number (doc versions disagree on the type), returned
     * as its plain decimal string.
     */
    String optionalAmount(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isNumber() ? plainIfSmall(node) : node.isTextual() ? node.asText().trim() : null;
        if (text == null || ChangellyAmounts.positive(text).isEmpty()) {
            problem(name, "Incorrect amount: a positive decimal is expected");
            return null;
        }
        return text;
    }

    /** A JSON object (deep-copied, so the caller's tree can change without touching what was stored), or null. */
    JsonNode optionalObject(String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(name, "Must be an object");
            return null;
        }
        return node.deepCopy();
    }

    void problem(String cause, String value) {
        problems.add(new ChangellyApiError.Detail(cause, value));
    }

    boolean hasProblem(String name) {
        return problems.stream().anyMatch(p -> p.cause().equals(name));
    }

    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw ChangellyApiError.validation(problems);
        }
    }

    /**
     * A JSON number as a plain decimal, or null when it is too large to be an amount: 1e999999999 is a
     * short number and a gigabyte of zeros once written plain, so its size is looked at first.
     */
    private static String plainIfSmall(JsonNode node) {
        java.math.BigDecimal number;
        try {
            number = node.decimalValue();
        } catch (NumberFormatException infinite) {
            return null; // read as a double, 1e999999999 is Infinity, which no BigDecimal holds
        }
        return number.scale() > 18 || number.precision() - number.scale() > 20 ? null : number.toPlainString();
    }
}
