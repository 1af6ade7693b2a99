package dev.offramp.http;

import java.math.BigDecimal;

/** Amounts as the API writes them: plain decimal strings, no trailing zeros, never through a double. */
public final class Decimals {

    private Decimals() {
    }

    /** Characters of a decimal text we read at all, and how far its exponent may move the point (as JSON numbers). */
    static final int MAX_LENGTH = BoundedJson.MAX_NUMBER_LENGTH;
    static final int MAX_EXPONENT = BoundedJson.MAX_EXPONENT;

    /** "100.50" → "100.5", 1E+2 → "100"; null, not a number, or a number too large to write out → null. */
    public static String plain(Object value) {
        BigDecimal d = decimal(value);
        if (d == null) {
            return null;
        }
        d = d.stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    /**
     * The value (a number, or a decimal string such as an upstream sends) as a BigDecimal within the
     * bounds every JSON number is held to: at most {@value #MAX_LENGTH} characters and an exponent of at
     * most ±{@value #MAX_EXPONENT}. Anything else, including "1e999999999" in a string, is null: such a
     * value would cost seconds and gigabytes the moment it is written out plain.
     */
    public static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else {
            String text = value.toString().trim();
            if (text.isEmpty() || text.length() > MAX_LENGTH) {
                return null;
            }
            try {
                d = new BigDecimal(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return d.scale() > MAX_EXPONENT || d.scale() < -MAX_EXPONENT || d.precision() > MAX_LENGTH ? null : d;
    }
}
