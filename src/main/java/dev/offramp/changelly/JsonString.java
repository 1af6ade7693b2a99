package dev.offramp.changelly;

/**
 * A JSON string literal exactly as JavaScript's {@code JSON.stringify} writes it (ECMAScript 2019+),
 * because Changelly signs the output of {@code JSON.stringify} and a signature is over bytes.
 *
 * <p>Written out rather than taken from Jackson, which differs in two places: it writes the hex
 * digits of control-character escapes in upper case where {@code JSON.stringify} uses lower case, and
 * it passes a lone surrogate through (which UTF-8 then turns into {@code ?}) where
 * {@code JSON.stringify} escapes it. Everything else (quotes, backslashes, non-ASCII, {@code /},
 * U+2028) both write the same way.
 */
final class JsonString {

    private JsonString() {
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
