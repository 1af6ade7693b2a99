package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as the API carries them: decimal strings ("0.1"), never exponent notation or signs, so that
 * what a client sends is echoed back unchanged.
 */
final class ChangellyAmounts {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,18})?");

    private ChangellyAmounts() {
    }

    /** The amount if the text is a plain decimal greater than zero. */
    static Optional<BigDecimal> positive(String text) {
        if (text == null || !PLAIN_DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text);
        return value.signum() > 0 ? Optional.of(value) : Optional.empty();
    }

    /** Without trailing zeros or exponent: "272.9", "0.00036641". */
    static String format(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
