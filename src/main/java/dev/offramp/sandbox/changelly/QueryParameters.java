package dev.offramp.sandbox.changelly;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded query string. Array filters are documented without their encoding (samples show both
 * {@code orderId[0]=a} and plain {@code orderId=a}; a public client sends {@code orderId[]=a}), so a key's
 * bracket suffix is dropped and every form lands under the plain name; {@link #values} also splits on commas.
 */
final class QueryParameters {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    QueryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            int bracket = name.indexOf('[');
            if (bracket > 0 && name.endsWith("]")) {
                name = name.substring(0, bracket);
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** The single value of a parameter; blank counts as absent. */
    Optional<String> first(String name) {
        List<String> all = values.get(name);
        if (all == null) {
            return Optional.empty();
        }
        return all.stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
    }

    /** Every value of a repeatable parameter, repeated or comma-separated, blanks dropped. */
    List<String> values(String name) {
        List<String> result = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ChangellyApiError.validation("query", "Malformed query string");
        }
    }
}
