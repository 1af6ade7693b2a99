package dev.offramp.offers;

import dev.offramp.http.ApiProblem;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the business asks offers for, checked once for every upstream. Every bad value is a 400 that
 * names its parameter.
 *
 * @param currencyFrom crypto ticker sold, e.g. USDT
 * @param currencyTo fiat currency paid out (ISO 4217), e.g. EUR
 * @param amountFrom crypto amount, a plain decimal string
 * @param country ISO 3166-1 alpha-2
 * @param state ISO 3166-2 (US only), or null
 * @param paymentMethod payout method code, or null
 */
public record OfferRequest(String currencyFrom, String currencyTo, String amountFrom, String country, String state,
        String paymentMethod) {

    private static final Pattern TICKER = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern FIAT = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}(\\.\\d{1,18})?");

    public static OfferRequest parse(String currencyFrom, String currencyTo, String amountFrom, String country,
            String state, String paymentMethod) {
        String from = upper(currencyFrom);
        if (!TICKER.matcher(from).matches()) {
            throw ApiProblem.badParameter("currency_from", "currency_from must be a crypto ticker such as USDT");
        }
        String to = upper(currencyTo);
        if (!FIAT.matcher(to).matches()) {
            throw ApiProblem.badParameter("currency_to", "currency_to must be a fiat currency code such as EUR");
        }
        String amount = amountFrom == null ? "" : amountFrom.trim();
        if (!DECIMAL.matcher(amount).matches() || new BigDecimal(amount).signum() <= 0) {
            throw ApiProblem.badParameter("amount_from", "amount_from must be a positive decimal amount such as 100.5");
        }
        String c = upper(country);
        if (!COUNTRY.matcher(c).matches()) {
            throw ApiProblem.badParameter("country", "country must be an ISO 3166-1 alpha-2 code such as DE");
        }
        String s = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        if ("US".equals(c) && (s == null || !s.matches("US-[A-Z]{2}"))) {
            throw ApiProblem.badParameter("state", "state is required for country US, e.g. US-CA");
        }
        String method = paymentMethod == null || paymentMethod.isBlank() ? null : paymentMethod.trim();
        if (method != null && !method.matches("[a-z0-9_-]{1,60}")) {
            throw ApiProblem.badParameter("payment_method", "payment_method must be a method code such as sepa_bank_transfer");
        }
        return new OfferRequest(from, to, new BigDecimal(amount).stripTrailingZeros().toPlainString(), c, s, method);
    }

    private static String upper(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
