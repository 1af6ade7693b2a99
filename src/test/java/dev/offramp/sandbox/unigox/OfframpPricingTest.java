package dev.offramp.sandbox.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The fee arithmetic, against the contract's own worked example and the identities it states. */
class OfframpPricingTest {

    private final OfframpPricing pricing = new OfframpPricing();

    @Test
    void aCryptoAnchoredPriceCarvesBothFeesOutOfTheDeposit() {
        Price price = pricing.forCryptoDeposit("USDT", "NGN", new BigDecimal("100.00"), new BigDecimal("1"));

        // the contract's estimate example: 99.024390 + fees 1.463415 / 0.975610 / 2.439025
        assertThat(UnigoxAmounts.crypto(price.cryptoAmount())).isEqualTo("99.024390");
        assertThat(UnigoxAmounts.crypto(price.platformFee())).isEqualTo("1.463415");
        assertThat(UnigoxAmounts.crypto(price.partnerFee())).isEqualTo("0.975610");
        assertThat(UnigoxAmounts.crypto(price.totalFee())).isEqualTo("2.439025");
        assertThat(price.fundedAmount()).isEqualByComparingTo("100");
        assertThat(UnigoxAmounts.fiat(price.fiatAmount())).isEqualTo("149268.29");
    }

    @Test
    void aFiatAnchoredPriceRoundsTheCryptoUpSoTheFiatIsCovered() {
        Price price = pricing.forFiatPayout("USDC", "KES", new BigDecimal("1000"), BigDecimal.ZERO);

        // 1000 / 129 = 7.75193798... -> 7.751938 sold; 1.5% of it = 0.116279
        assertThat(UnigoxAmounts.crypto(price.cryptoAmount())).isEqualTo("7.868217");
        assertThat(UnigoxAmounts.crypto(price.platformFee())).isEqualTo("0.116279");
        assertThat(UnigoxAmounts.crypto(price.partnerFee())).isEqualTo("0.000000");
        assertThat(new BigDecimal("7.751938").multiply(price.rate())).isGreaterThanOrEqualTo(new BigDecimal("1000"));
        assertThat(UnigoxAmounts.fiat(price.fiatAmount())).isEqualTo("1000.00");
    }

    @Test
    void webhookAmountsUseTheShortestForm() {
        assertThat(UnigoxAmounts.shortest(new BigDecimal("101.500000"))).isEqualTo("101.5");
        assertThat(UnigoxAmounts.shortest(new BigDecimal("0.000000"))).isEqualTo("0");
        assertThat(UnigoxAmounts.shortest(new BigDecimal("100.000000"))).isEqualTo("100");
        assertThat(UnigoxAmounts.percent(new BigDecimal("10"))).hasToString("1E+1");
        assertThat(UnigoxJson.write(UnigoxAmounts.percent(new BigDecimal("10")))).isEqualTo("10");
    }
}
