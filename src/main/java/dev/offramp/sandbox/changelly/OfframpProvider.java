package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A simulated off-ramp provider and what it accepts: countries, currencies, payout methods and the
 * USD value window of one sale ({@code minUsd}..{@code maxUsd}).
 */
record OfframpProvider(
        String code, String name, String trustPilotRating,
        Set<String> countries, Set<String> cryptos, Set<String> fiats,
        List<PaymentMethodTerms> methods, BigDecimal minUsd, BigDecimal maxUsd) {

    boolean servesCountry(String country) {
        return countries.contains(country);
    }

    boolean trades(String ticker) {
        return cryptos.contains(ticker) || fiats.contains(ticker);
    }

    Optional<PaymentMethodTerms> method(String code) {
        return methods.stream().filter(m -> m.code().equals(code)).findFirst();
    }
}
