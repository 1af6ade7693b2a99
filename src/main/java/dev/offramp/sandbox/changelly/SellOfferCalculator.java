package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotes a sale at each provider from the catalog's fixed prices. Checks run in the order a real
 * aggregator would fail fast (country, US state, currency pair, payout method, limits), and the first one
 * that fails becomes that provider's error entry.
 */
final class SellOfferCalculator {

    private static final int FIAT_SCALE = 2;
    private static final int RATE_SCALE = 8;
    private static final int INVERTED_RATE_SCALE = 18;

    List<SellOffer> offers(SellOfferRequest request) {
        List<OfframpProvider> providers = request.provider().map(List::of).orElse(SandboxCatalog.providers());
        return providers.stream().map(p -> offer(p, request)).toList();
    }

    SellOffer offer(OfframpProvider provider, SellOfferRequest request) {
        String code = provider.code();
        if (!provider.servesCountry(request.country())) {
            return new SellOffer.Failure(code, "country", "Country is not supported by the provider",
                    List.of(new ChangellyApiError.Detail("country", request.country())));
        }
        if ("US".equals(request.country()) && request.state().isEmpty()) {
            return new SellOffer.Failure(code, "state", "State is required for offers in the US", null);
        }
        for (CatalogCurrency currency : List.of(request.currencyFrom(), request.currencyTo())) {
            if (!provider.trades(currency.ticker())) {
                return new SellOffer.Failure(code, "currency", "Currency pair is not supported by the provider",
                        List.of(new ChangellyApiError.Detail(currency.isCrypto() ? "currencyFrom" : "currencyTo", currency.ticker())));
            }
        }
        List<PaymentMethodTerms> methods = provider.methods();
        if (request.paymentMethodCode().isPresent()) {
            String wanted = request.paymentMethodCode().get();
            methods = provider.method(wanted).map(List::of).orElse(List.of());
            if (methods.isEmpty()) {
                return new SellOffer.Failure(code, "paymentMethod", "Payment method is not supported by the provider",
                        List.of(new ChangellyApiError.Detail("paymentMethodCode", wanted)));
            }
        }
        CatalogCurrency crypto = request.currencyFrom();
        BigDecimal usd = request.amountFrom().multiply(crypto.usdValue());
        if (usd.compareTo(provider.minUsd()) < 0) {
            BigDecimal min = provider.minUsd().divide(crypto.usdValue(), crypto.precision(), RoundingMode.UP);
            return new SellOffer.Failure(code, "limits", "Amount is less than the provider's minimum",
                    List.of(new ChangellyApiError.Detail("min", ChangellyAmounts.format(min))));
        }
        if (usd.compareTo(provider.maxUsd()) > 0) {
            BigDecimal max = provider.maxUsd().divide(crypto.usdValue(), crypto.precision(), RoundingMode.DOWN);
            return new SellOffer.Failure(code, "limits", "Amount is more than the provider's maximum",
                    List.of(new ChangellyApiError.Detail("max", ChangellyAmounts.format(max))));
        }
        List<SellOffer.MethodQuote> quotes = new ArrayList<>();
        for (PaymentMethodTerms method : methods) {
            quotes.add(quote(method, request.amountFrom(), usd, request.currencyTo()));
        }
        return new SellOffer.Quote(code, request.amountFrom(), quotes);
    }

    private static SellOffer.MethodQuote quote(PaymentMethodTerms method, BigDecimal amountFrom, BigDecimal usd, CatalogCurrency fiat) {
        BigDecimal gross = usd.divide(fiat.usdValue(), FIAT_SCALE, RoundingMode.DOWN);
        BigDecimal fixedFee = method.fixedFeeUsd().divide(fiat.usdValue(), FIAT_SCALE, RoundingMode.HALF_UP);
        BigDecimal fee = gross.multiply(method.percentFee()).add(fixedFee).setScale(FIAT_SCALE, RoundingMode.HALF_UP);
        // the catalog's limits keep every quote well above its fees
        BigDecimal net = gross.subtract(fee);
        BigDecimal rate = net.divide(amountFrom, RATE_SCALE, RoundingMode.HALF_UP);
        BigDecimal invertedRate = amountFrom.divide(net, INVERTED_RATE_SCALE, RoundingMode.HALF_UP);
        return new SellOffer.MethodQuote(method.code(), method.name(), net, rate, invertedRate, fee);
    }
}
