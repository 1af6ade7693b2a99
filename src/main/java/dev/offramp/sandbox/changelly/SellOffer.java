package dev.offramp.sandbox.changelly;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of the {@code GET /v1/sell/offers} array: a provider's quote, or that provider's error
 * (the call as a whole still succeeds; failing providers appear inside the array).
 */
sealed interface SellOffer permits SellOffer.Quote, SellOffer.Failure {

    String providerCode();

    Map<String, Object> toJson();

    /** The payout by one method; all amounts in the payout (fiat) currency, rates in fiat per crypto unit. */
    record MethodQuote(String method, String methodName, BigDecimal amountExpectedTo, BigDecimal rate,
                       BigDecimal invertedRate, BigDecimal fee) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("amountExpectedTo", ChangellyAmounts.format(amountExpectedTo));
            json.put("method", method);
            json.put("methodName", methodName);
            json.put("rate", ChangellyAmounts.format(rate));
            json.put("invertedRate", ChangellyAmounts.format(invertedRate));
            json.put("fee", ChangellyAmounts.format(fee));
            return json;
        }
    }

    /**
     * A provider's offer. The top-level figures summarise the methods as documented: the best rate,
     * the lowest fee and the largest payout, each possibly from a different method.
     */
    record Quote(String providerCode, BigDecimal amountFrom, List<MethodQuote> methods) implements SellOffer {

        MethodQuote best() {
            return methods.stream().max(Comparator.comparing(MethodQuote::rate)).orElseThrow();
        }

        @Override
        public Map<String, Object> toJson() {
            MethodQuote best = best();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("providerCode", providerCode);
            json.put("rate", ChangellyAmounts.format(best.rate()));
            json.put("invertedRate", ChangellyAmounts.format(best.invertedRate()));
            json.put("fee", ChangellyAmounts.format(methods.stream().map(MethodQuote::fee).min(Comparator.naturalOrder()).orElseThrow()));
            json.put("amountFrom", ChangellyAmounts.format(amountFrom));
            json.put("amountExpectedTo", ChangellyAmounts.format(
                    methods.stream().map(MethodQuote::amountExpectedTo).max(Comparator.naturalOrder()).orElseThrow()));
            json.put("paymentMethodOffers", methods.stream().map(MethodQuote::toJson).toList());
            return json;
        }
    }

    /** A provider that cannot quote: {@code errorType} is one of the documented per-offer types. */
    record Failure(String providerCode, String errorType, String errorMessage, List<ChangellyApiError.Detail> details)
            implements SellOffer {

        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("providerCode", providerCode);
            json.put("errorType", errorType);
            json.put("errorMessage", errorMessage);
            json.put("errorDetails", details == null ? null : details.stream().map(ChangellyApiError.Detail::toJson).toList());
            return json;
        }
    }
}
