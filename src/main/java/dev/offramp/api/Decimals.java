package dev.offramp.api;

import java.math.BigDecimal;

/** Amounts as the API writes them: plain decimal strings, no trailing zeros, never through a double. */
public final class Decimals {

    private Decimals() {
    }

    /** "100.50" → "100.5", 1E+2 → "100"; null or not a number → null. */
    public static String plain(Object value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = (value instanceof BigDecimal b ? b : new BigDecimal(value.toString())).stripTrailingZeros();
            return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
