package dev.offramp.sandbox.unigox;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One priced off-ramp: all amounts in BigDecimal, fees in crypto.
 *
 * @param anchor "crypto" when the crypto side was given, "fiat" when the fiat side was
 * @param cryptoAmount the fee-exclusive gross: what is sold plus the platform fee, without the partner fee
 * @param fiatAmount what the recipient gets
 * @param partnerFeePct the partner's markup in percent units (1 = 1%)
 */
record Price(String anchor, String cryptoCurrency, String fiatCurrency, BigDecimal rate, BigDecimal cryptoAmount,
             BigDecimal fiatAmount, BigDecimal platformFee, BigDecimal partnerFee, BigDecimal partnerFeePct) {

    BigDecimal totalFee() {
        return platformFee.add(partnerFee);
    }

    /** What the partner funds into the escrow: the gross plus its own markup. */
    BigDecimal fundedAmount() {
        return cryptoAmount.add(partnerFee);
    }

    Map<String, Object> feeBreakdown() {
        return UnigoxJson.object(
                "platform_fee", UnigoxAmounts.crypto(platformFee),
                "platform_fee_pct", UnigoxAmounts.percent(OfframpPricing.PLATFORM_FEE_PCT),
                "partner_fee", UnigoxAmounts.crypto(partnerFee),
                "partner_fee_pct", UnigoxAmounts.percent(partnerFeePct),
                "total_fee", UnigoxAmounts.crypto(totalFee()));
    }

    Map<String, Object> amounts() {
        return UnigoxJson.object(
                "crypto_amount", UnigoxAmounts.crypto(cryptoAmount),
                "fiat_amount", UnigoxAmounts.fiat(fiatAmount),
                "crypto_currency", cryptoCurrency,
                "fiat_currency", fiatCurrency,
                "rate", rate.toPlainString());
    }
}
