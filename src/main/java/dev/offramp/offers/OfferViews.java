package dev.offramp.offers;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of the offers API: every upstream's offers in one shape, best payout first, then an
 * error entry for each upstream or provider that could not offer, with its reason.
 */
public final class OfferViews {

    /** The upstreams the fan-out asks; one that is missing from the results did not answer in time. */
    private final List<String> upstreams;

    /** Error codes that mean "this pair is not sold here", as opposed to an outage or no liquidity. */
    private static final Set<String> UNSUPPORTED = Set.of("currency", "unsupported_currency");

    public OfferViews(List<String> upstreams) {
        this.upstreams = List.copyOf(upstreams);
    }

    public OfferRequest request(String currencyFrom, String currencyTo, String amountFrom, String country, String state,
            String paymentMethod) {
        return OfferRequest.parse(currencyFrom, currencyTo, amountFrom, country, state, paymentMethod);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> answer(Object results, OfferRequest request) {
        List<Map<String, Object>> offers = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        Set<Object> answered = new java.util.HashSet<>();
        if (results instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    Map<String, Object> entry = (Map<String, Object>) m;
                    answered.add(entry.get("via"));
                    (entry.containsKey("error") ? errors : offers).add(entry);
                }
            }
        }
        for (String upstream : upstreams) {
            if (!answered.contains(upstream)) {
                errors.add(errorEntry(upstream, upstream, "upstream_timeout", upstream + " did not answer in time"));
            }
        }
        if (offers.isEmpty() && !errors.isEmpty() && errors.stream().allMatch(e -> UNSUPPORTED.contains(code(e)))) {
            throw ApiProblem.badParameter("currency_to", "no upstream sells " + request.currencyFrom() + " for "
                    + request.currencyTo() + (request.paymentMethod() == null ? "" : " by " + request.paymentMethod()));
        }
        offers.sort(Comparator.comparing((Map<String, Object> o) -> payout(o)).reversed());
        List<Map<String, Object>> all = new ArrayList<>(offers);
        all.addAll(errors);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("currency_from", request.currencyFrom());
        answer.put("currency_to", request.currencyTo());
        answer.put("amount_from", request.amountFrom());
        answer.put("country", request.country());
        answer.put("offers", all);
        return answer;
    }

    /** An entry for an upstream or provider that could not offer. */
    /**
     * The offers answer's Server-Timing header (W3C): the time each upstream took, as this bundle's calls
     * measured it, e.g. {@code changelly;dur=103.2, unigox;dur=51.0}. An upstream that was not called,
     * or did not answer within the fan-out's wait, is left out.
     */
    public String serverTiming(Long changellySpentNanos, Long unigoxSpentNanos) {
        StringBuilder header = new StringBuilder();
        timing(header, "changelly", changellySpentNanos);
        timing(header, "unigox", unigoxSpentNanos);
        return header.length() == 0 ? null : header.toString();
    }

    private static void timing(StringBuilder header, String upstream, Long nanos) {
        if (nanos == null) {
            return;
        }
        if (header.length() > 0) {
            header.append(", ");
        }
        header.append(upstream).append(";dur=").append(String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0));
    }

    public static Map<String, Object> errorEntry(String provider, String via, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", null);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("provider", provider);
        entry.put("via", via);
        entry.put("error", error);
        return entry;
    }

    private static String code(Map<String, Object> entry) {
        return entry.get("error") instanceof Map<?, ?> e && e.get("code") != null ? e.get("code").toString() : "";
    }

    private static BigDecimal payout(Map<String, Object> offer) {
        Object value = offer.get("payout_amount");
        BigDecimal d = Decimals.decimal(value); // bounded: an upstream's number is untrusted input
        return d == null ? BigDecimal.ZERO : d;
    }
}
