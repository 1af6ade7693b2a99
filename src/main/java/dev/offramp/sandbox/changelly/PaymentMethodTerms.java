package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;

/**
 * How one provider pays out by one method: a fee of {@code percentFee} of the gross fiat amount plus a
 * fixed {@code fixedFeeUsd} (converted to the payout currency).
 */
record PaymentMethodTerms(String code, String name, BigDecimal percentFee, BigDecimal fixedFeeUsd) {

    static PaymentMethodTerms of(String code, String name, String percentFee, String fixedFeeUsd) {
        return new PaymentMethodTerms(code, name, new BigDecimal(percentFee), new BigDecimal(fixedFeeUsd));
    }
}
