package dev.offramp.sandbox.unigox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * How amounts look on the wire. REST responses pad crypto to the token's 6 decimals and fiat to 2
 * ({@code "99.024390"}, {@code "151519.20"}); webhooks use the shortest form ({@code "101.5"},
 * {@code "0"}), as the contract describes for {@code order.status.changed}.
 */
final class UnigoxAmounts {

    static final int CRYPTO_SCALE = 6;
    static final int FIAT_SCALE = 2;

    /** Bounded: a decimal string of 200,000 digits is not an amount, and costs real time to convert. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,40}(\\.\\d{1,40})?");

    private UnigoxAmounts() {
    }

    static String crypto(BigDecimal amount) {
        return amount.setScale(CRYPTO_SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    static String fiat(BigDecimal amount) {
        return amount.setScale(FIAT_SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    static String shortest(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    /** A percentage as the JSON number the contract shows ({@code 1.5}, {@code 1}, {@code 0}). */
    static BigDecimal percent(BigDecimal pct) {
        return pct.signum() == 0 ? BigDecimal.ZERO : pct.stripTrailingZeros();
    }

    /** A plain non-negative decimal string ("100", "0.5"), or null when it is not one. */
    static BigDecimal parse(String text) {
        if (text == null || !DECIMAL.matcher(text.trim()).matches()) {
            return null;
        }
        return new BigDecimal(text.trim());
    }
}
