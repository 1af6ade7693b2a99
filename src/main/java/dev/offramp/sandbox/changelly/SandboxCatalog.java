package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's fixed world: countries, currencies with a USD price each, and four off-ramp providers.
 * Chosen so that a typical small sale (e.g. 0.1 ETH to EUR in IT) gets offers from moonpay, banxa and
 * mercuryo and a {@code limits} error from transak (whose minimum is 10,000 USD); other inputs reach the
 * other documented per-provider errors (US without a state, USD at mercuryo, ...).
 */
final class SandboxCatalog {

    private static final Set<String> EUROPE = Set.of("DE", "FR", "IT", "ES", "NL", "EE", "PL");

    private static final List<CatalogCountry> COUNTRIES = List.of(
            new CatalogCountry("BR", "Brazil", List.of()),
            new CatalogCountry("DE", "Germany", List.of()),
            new CatalogCountry("EE", "Estonia", List.of()),
            new CatalogCountry("ES", "Spain", List.of()),
            new CatalogCountry("FR", "France", List.of()),
            new CatalogCountry("GB", "United Kingdom", List.of()),
            new CatalogCountry("IT", "Italy", List.of()),
            new CatalogCountry("NL", "Netherlands", List.of()),
            new CatalogCountry("PL", "Poland", List.of()),
            new CatalogCountry("US", "United States of America", List.of(
                    new CatalogCountry.State("US-CA", "California"),
                    new CatalogCountry.State("US-FL", "Florida"),
                    new CatalogCountry.State("US-NY", "New York"),
                    new CatalogCountry.State("US-TX", "Texas"),
                    new CatalogCountry.State("US-WA", "Washington"))));

    private static final List<CatalogCurrency> CURRENCIES = List.of(
            CatalogCurrency.crypto("BTC", "Bitcoin", "bitcoin", 8, null, "60000"),
            CatalogCurrency.crypto("ETH", "Ethereum", "ethereum", 8, null, "3000"),
            CatalogCurrency.crypto("USDT", "Tether USD", "ethereum", 6, null, "1"),
            CatalogCurrency.crypto("USDT20", "Tether USD (ERC20)", "ethereum", 6, null, "1"),
            CatalogCurrency.crypto("USDC", "USD Coin", "ethereum", 6, null, "1"),
            CatalogCurrency.crypto("XRP", "Ripple", "ripple", 6, "Destination tag", "0.5"),
            CatalogCurrency.fiat("EUR", "Euro", "1.08"),
            CatalogCurrency.fiat("GBP", "British Pound Sterling", "1.27"),
            CatalogCurrency.fiat("USD", "US Dollar", "1"));

    private static final Set<String> ALL_COUNTRIES =
            Set.copyOf(COUNTRIES.stream().map(CatalogCountry::code).toList());
    private static final Set<String> ALL_CRYPTOS =
            Set.copyOf(CURRENCIES.stream().filter(CatalogCurrency::isCrypto).map(CatalogCurrency::ticker).toList());

    private static final List<OfframpProvider> PROVIDERS = List.of(
            new OfframpProvider("moonpay", "MoonPay", "4.2", ALL_COUNTRIES, ALL_CRYPTOS, Set.of("EUR", "GBP", "USD"),
                    List.of(PaymentMethodTerms.of("card", "Visa / Mastercard", "0.045", "3.99"),
                            PaymentMethodTerms.of("sepa_bank_transfer", "SEPA bank transfer", "0.01", "1.49")),
                    new BigDecimal("20"), new BigDecimal("50000")),
            new OfframpProvider("banxa", "Banxa", "4.1", union(EUROPE, Set.of("GB", "BR")),
                    Set.of("BTC", "ETH", "USDT", "USDT20", "USDC"), Set.of("EUR", "GBP", "USD"),
                    List.of(PaymentMethodTerms.of("sepa_bank_transfer", "SEPA bank transfer", "0.015", "0.99"),
                            PaymentMethodTerms.of("card", "Visa / Mastercard", "0.039", "0")),
                    new BigDecimal("25"), new BigDecimal("30000")),
            new OfframpProvider("mercuryo", "Mercuryo", "3.9", union(EUROPE, Set.of("GB")),
                    Set.of("BTC", "ETH", "USDT", "USDT20", "USDC"), Set.of("EUR", "GBP"),
                    List.of(PaymentMethodTerms.of("card", "Visa / Mastercard", "0.0395", "0")),
                    new BigDecimal("30"), new BigDecimal("20000")),
            new OfframpProvider("transak", "Transak", "4.3", ALL_COUNTRIES, ALL_CRYPTOS, Set.of("EUR", "GBP", "USD"),
                    List.of(PaymentMethodTerms.of("card", "Visa / Mastercard", "0.035", "0"),
                            PaymentMethodTerms.of("sepa_bank_transfer", "SEPA bank transfer", "0.01", "0")),
                    new BigDecimal("10000"), new BigDecimal("100000")));

    private SandboxCatalog() {
    }

    static List<CatalogCountry> countries() {
        return COUNTRIES;
    }

    static Optional<CatalogCountry> country(String code) {
        return COUNTRIES.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    static List<CatalogCurrency> currencies() {
        return CURRENCIES;
    }

    static Optional<CatalogCurrency> currency(String ticker) {
        return CURRENCIES.stream().filter(c -> c.ticker().equals(ticker)).findFirst();
    }

    static List<OfframpProvider> providers() {
        return PROVIDERS;
    }

    static Optional<OfframpProvider> provider(String code) {
        return PROVIDERS.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** A clearly fake, never-resolving address (.invalid is reserved) for icons the sandbox does not serve. */
    static String iconUrl(String name, boolean colored) {
        return "https://static.sandbox.invalid/changelly/icons/" + name.toLowerCase(Locale.ROOT)
                + (colored ? "-colored" : "") + ".svg";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
