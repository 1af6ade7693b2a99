package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated request for sell offers: the query of {@code GET /v1/sell/offers}, or the same facts taken
 * from a {@code POST /v1/sell/orders} body. Problems with the request itself are a 400 naming every bad
 * parameter; whether a given provider can serve it is decided per provider by {@link SellOfferCalculator}.
 */
record SellOfferRequest(CatalogCurrency currencyFrom, CatalogCurrency currencyTo, BigDecimal amountFrom,
                        String country, Optional<CatalogCountry.State> state, Optional<String> paymentMethodCode,
                        Optional<OfframpProvider> provider) {

    static SellOfferRequest fromQuery(QueryParameters query) {
        return of(query.first("currencyFrom").orElse(null), query.first("currencyTo").orElse(null),
                query.first("amountFrom").orElse(null), query.first("country").orElse(null),
                query.first("state").orElse(null), query.first("paymentMethodCode").orElse(null),
                query.first("providerCode").orElse(null));
    }

    /** Absent values are null; a payment method, when given, is checked per provider, not here. */
    static SellOfferRequest of(String currencyFrom, String currencyTo, String amountFrom, String country, String state,
                               String paymentMethod, String providerCode) {
        List<ChangellyApiError.Detail> problems = new ArrayList<>();
        CatalogCurrency from = currency(currencyFrom, true, "currencyFrom", problems);
        CatalogCurrency to = currency(currencyTo, false, "currencyTo", problems);
        BigDecimal amount = null;
        if (amountFrom == null) {
            problems.add(new ChangellyApiError.Detail("amountFrom", "Parameter is required"));
        } else {
            amount = ChangellyAmounts.positive(amountFrom).orElse(null);
            if (amount == null) {
                problems.add(new ChangellyApiError.Detail("amountFrom", "Incorrect amount: a positive decimal string is expected"));
            }
        }
        Optional<CatalogCountry.State> knownState = Optional.empty();
        if (country == null) {
            problems.add(new ChangellyApiError.Detail("country", "Parameter is required"));
        } else if (!country.matches("[A-Z]{2}")) {
            problems.add(new ChangellyApiError.Detail("country", "Incorrect country: ISO 3166-1 alpha-2 expected"));
        } else if (state != null) {
            knownState = SandboxCatalog.country(country).flatMap(c -> c.state(state));
            if (knownState.isEmpty()) {
                problems.add(new ChangellyApiError.Detail("state", "Incorrect state"));
            }
        }
        Optional<OfframpProvider> provider = Optional.empty();
        if (providerCode != null) {
            provider = SandboxCatalog.provider(providerCode);
            if (provider.isEmpty()) {
                problems.add(new ChangellyApiError.Detail("providerCode", "Incorrect provider code"));
            }
        }
        if (!problems.isEmpty()) {
            throw ChangellyApiError.validation(problems);
        }
        return new SellOfferRequest(from, to, amount, country, knownState, Optional.ofNullable(paymentMethod), provider);
    }

    private static CatalogCurrency currency(String ticker, boolean crypto, String name, List<ChangellyApiError.Detail> problems) {
        if (ticker == null) {
            problems.add(new ChangellyApiError.Detail(name, "Parameter is required"));
            return null;
        }
        Optional<CatalogCurrency> known = SandboxCatalog.currency(ticker).filter(c -> c.isCrypto() == crypto);
        if (known.isEmpty()) {
            problems.add(new ChangellyApiError.Detail(name, "Incorrect currency"));
            return null;
        }
        return known.get();
    }
}
