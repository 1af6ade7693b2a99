package dev.offramp.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a raw query string into decoded (name, value) pairs, in order, repeats kept. Both '&' and ';'
 * separate pairs: Vert.x (Netty's QueryStringDecoder) splits on ';' too, so reading the query any other
 * way would let "?a=1;X-API-Key=k" mean one thing to us and another to the server.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    public static List<Map.Entry<String, String>> pairs(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("[&;]")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            pairs.add(new SimpleImmutableEntry<>(name, value));
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            // kept as sent: a name that cannot be decoded still must not slip past a check by name
            return text;
        }
    }
}
