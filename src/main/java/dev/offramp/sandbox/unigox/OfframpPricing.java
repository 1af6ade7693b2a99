package dev.offramp.sandbox.unigox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fixed sandbox prices: one rate per fiat for both stablecoins, a 1.5% platform fee and the partner's
 * own markup, both on the crypto that is actually sold (non-compounding, as the contract describes).
 *
 * <ul>
 *   <li>Crypto-anchored: the given {@code crypto_amount} is the deposit the partner funds. Both fees
 *       are carved out of it: sold = deposit / (1 + 1.5% + markup), so the answered
 *       {@code crypto_amount} (sold + platform fee) plus {@code partner_fee} is exactly the deposit.
 *       This reproduces the contract's own example (100 USDT at 1% markup gives 99.024390 +
 *       1.463415 platform fee + 0.975610 partner fee).</li>
 *   <li>Fiat-anchored: sold = fiat / rate (rounded up, so the fiat is covered);
 *       {@code crypto_amount} = sold + platform fee; the markup comes on top.</li>
 * </ul>
 * The fiat paid out is sold × rate, rounded down to cents.
 */
final class OfframpPricing {

    static final BigDecimal PLATFORM_FEE_PCT = new BigDecimal("1.5");

    /** One fiat market: the rate for 1 USDT/USDC and the default payout slugs an estimate names. */
    record Market(BigDecimal rate, String paymentMethodSlug, String paymentNetworkSlug) {
    }

    private static final Set<String> CRYPTO = Set.of("USDT", "USDC");

    private static final Map<String, Market> MARKETS = Map.of(
            "EUR", new Market(new BigDecimal("0.92"), "other-bank", "sepa"),
            "NGN", new Market(new BigDecimal("1530.00"), "other-bank", "nibss"),
            "BRL", new Market(new BigDecimal("5.40"), "other-bank", "pix"),
            "KES", new Market(new BigDecimal("129.00"), "other-bank", "pesalink"),
            "GBP", new Market(new BigDecimal("0.79"), "other-bank", "faster-payments"),
            "USD", new Market(new BigDecimal("1.00"), "other-bank", "ach"));

    /** Currencies whose fiat_amount must be whole on a quote (contract: integer-minor-unit currencies). */
    private static final Set<String> WHOLE_FIAT = Set.of("NGN", "UGX", "TZS", "KES", "GHS");

    /** The simulated rate of one USDT in {@code fiat} (the corridors' mid-market rate). */
    java.math.BigDecimal rate(String fiat) {
        return MARKETS.get(fiat).rate();
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    boolean supportsCrypto(String crypto) {
        return CRYPTO.contains(crypto);
    }

    Optional<Market> market(String fiat) {
        return Optional.ofNullable(MARKETS.get(fiat));
    }

    boolean requiresWholeFiat(String fiat) {
        return WHOLE_FIAT.contains(fiat);
    }

    Price forCryptoDeposit(String crypto, String fiat, BigDecimal deposit, BigDecimal partnerFeePct) {
        BigDecimal rate = MARKETS.get(fiat).rate();
        BigDecimal platformShare = PLATFORM_FEE_PCT.divide(HUNDRED);
        BigDecimal partnerShare = partnerFeePct.divide(HUNDRED);
        BigDecimal sold = deposit.divide(BigDecimal.ONE.add(platformShare).add(partnerShare),
                UnigoxAmounts.CRYPTO_SCALE, RoundingMode.DOWN);
        BigDecimal platformFee = sold.multiply(platformShare).setScale(UnigoxAmounts.CRYPTO_SCALE, RoundingMode.HALF_UP);
        BigDecimal partnerFee = sold.multiply(partnerShare).setScale(UnigoxAmounts.CRYPTO_SCALE, RoundingMode.HALF_UP);
        BigDecimal cryptoAmount = deposit.setScale(UnigoxAmounts.CRYPTO_SCALE, RoundingMode.DOWN).subtract(partnerFee);
        BigDecimal fiatAmount = cryptoAmount.subtract(platformFee).multiply(rate)
                .setScale(UnigoxAmounts.FIAT_SCALE, RoundingMode.DOWN);
        return new Price("crypto", crypto, fiat, rate, cryptoAmount, fiatAmount, platformFee, partnerFee, partnerFeePct);
    }

    Price forFiatPayout(String crypto, String fiat, BigDecimal fiatAmount, BigDecimal partnerFeePct) {
        BigDecimal rate = MARKETS.get(fiat).rate();
        BigDecimal payout = fiatAmount.setScale(UnigoxAmounts.FIAT_SCALE, RoundingMode.HALF_UP);
        BigDecimal sold = payout.divide(rate, UnigoxAmounts.CRYPTO_SCALE, RoundingMode.UP);
        BigDecimal platformFee = sold.multiply(PLATFORM_FEE_PCT.divide(HUNDRED))
                .setScale(UnigoxAmounts.CRYPTO_SCALE, RoundingMode.HALF_UP);
        BigDecimal partnerFee = sold.multiply(partnerFeePct.divide(HUNDRED))
                .setScale(UnigoxAmounts.CRYPTO_SCALE, RoundingMode.HALF_UP);
        return new Price("fiat", crypto, fiat, rate, sold.add(platformFee), payout, platformFee, partnerFee, partnerFeePct);
    }

    /** The rate a re-priced initiate finds after the sandbox's price-change switch: the quoted rate moved up 1%. */
    BigDecimal movedRate(BigDecimal quotedRate) {
        return quotedRate.multiply(new BigDecimal("1.01")).setScale(Math.max(quotedRate.scale(), 2) + 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
