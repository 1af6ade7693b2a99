package dev.offramp.http;

import java.util.regex.Pattern;

/**
 * The identifier rules at the edge, in one place. Everything that arrives as an identifier is checked
 * here before it reaches SQL, so that nothing PostgreSQL cannot store (U+0000, lone surrogates) and
 * nothing that forges log lines (control characters, bidi overrides) gets past the door:
 * <ul>
 * <li>our own ids (orders, users) are UUIDs in their canonical 36-character form;</li>
 * <li>an upstream's ids and words (order ids, event ids, statuses, event types, user uuids) are 1 to
 * {@code max} visible ASCII characters ({@code !} to {@code ~}: no space, no control character);</li>
 * <li>a text identifier the business chooses ({@code user_ref}) is 1 to {@code max} printable
 * characters: any letter, digit, mark, punctuation, symbol or inner space, but no control, format,
 * private-use, unassigned or lone surrogate character, and no leading or trailing whitespace.</li>
 * </ul>
 * Idempotency keys keep their own, equivalent rule ({@link dev.offramp.orders.IdempotencyKeys}: 1 to 200 visible ASCII).
 */
public final class Identifiers {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * One of our ids from a path (or another request parameter named {@code name}).
     *
     * @throws ApiProblem 400 naming the parameter when it is not a UUID (a well-formed unknown id is the
     *         caller's 404, later)
     */
    public String ourId(Object value, String name) {
        if (value instanceof String id && UUID.matcher(id).matches()) {
            return id;
        }
        throw ApiProblem.badParameter(name, name + " must be an id of this API (a UUID)");
    }

    /** Why {@code value} is not an upstream identifier of at most {@code max} characters, or null when it is one. */
    public static String upstreamIdProblem(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > max) {
            return "is longer than " + max + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "must be visible ASCII characters only (no spaces or control characters)";
            }
        }
        return null;
    }

    /**
     * A text identifier the business chooses, such as user_ref, from request field {@code field}.
     *
     * @throws ApiProblem 400 naming the field when it breaks the rule above
     */
    public static String text(String value, String field, int max) {
        String problem = textProblem(value, max);
        if (problem != null) {
            throw ApiProblem.badField(field, field + " " + problem);
        }
        return value;
    }

    /** Why {@code value} is not a printable text identifier of at most {@code max} characters, or null. */
    public static String textProblem(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.codePointCount(0, value.length()) > max) {
            return "is longer than " + max + " characters";
        }
        if (Character.isWhitespace(value.codePointAt(0)) || Character.isWhitespace(value.codePointBefore(value.length()))) {
            return "must not start or end with whitespace";
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!printable(cp)) {
                return "must be printable characters only (no control, format or invalid characters)";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            // Cc, Cf (bidi overrides, zero-width), Cs (a surrogate left alone), Co, Cn, line/paragraph separators
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            // of the spaces, only the plain one: a tab or an exotic space in an id is a mistake or a trick
            case Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }

    /**
     * Text as PostgreSQL can store it: U+0000 is the one character its text types refuse, so it is
     * written as the JSON escape {@code \u0000} (the bytes of a delivery that held it were never valid
     * JSON text there anyway). Used for raw webhook bodies, which are kept whatever they contain.
     */
    public static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "\\u0000");
    }
}
