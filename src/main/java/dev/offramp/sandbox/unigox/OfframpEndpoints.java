package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimError.Envelope.PARTNER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /offramp/estimate}, {@code /offramp/quote} and {@code /offramp/initiate}. Partner envelope.
 *
 * <p>The estimate is public, as in the latest contract (changelog 2026-07-21): it answers without
 * a key (a wrong key is ignored). Quote and initiate need the key and a VERIFIED user.
 */
final class OfframpEndpoints {

    private static final Set<String> PROVIDER_SCOPES = Set.of("all", "licensed_only", "p2p_only");

    /** What is being priced: the pair, exactly one anchored amount, and the partner's markup. */
    private record PriceRequest(String crypto, String fiat, BigDecimal cryptoAmount, BigDecimal fiatAmount,
                                BigDecimal partnerFeePct) {
    }

    private final SimulatorState state;
    private final OfframpPricing pricing;
    private final OrderLifecycle orders;
    private final Clock clock;

    OfframpEndpoints(SimulatorState state, OfframpPricing pricing, OrderLifecycle orders, Clock clock) {
        this.state = state;
        this.pricing = pricing;
        this.orders = orders;
        this.clock = clock;
    }

    void addTo(RouteTable routes) {
        String p = UnigoxSimulator.PARTNER + "/offramp";
        routes.add(RouteTable.publicRoute("POST", p + "/estimate", PARTNER, this::estimate))
                .add("POST", p + "/quote", PARTNER, this::quote)
                .add("POST", p + "/initiate", PARTNER, this::initiate);
    }

    private Reply estimate(Call call) {
        JsonNode body = call.body();
        PriceRequest request = priceRequest(call, body);
        String scope = call.text(body, "provider_scope");
        scope = scope == null ? "all" : scope;
        if (!PROVIDER_SCOPES.contains(scope)) {
            throw call.invalid("invalid provider_scope: must be all, licensed_only, or p2p_only");
        }
        OfframpPricing.Market market = pricing.market(request.fiat()).orElse(null);
        // the simulated liquidity is p2p only
        if (market == null || scope.equals("licensed_only")) {
            throw SimError.partner(409, "NO_OFFERS_AVAILABLE", "no matching offers found for the provided criteria");
        }
        Price price = price(request);
        String method = call.text(body, "payment_method_slug");
        String network = call.text(body, "payment_network_slug");
        return Reply.ok(UnigoxJson.object(
                "rate", price.rate().toPlainString(),
                "crypto_amount", UnigoxAmounts.crypto(price.cryptoAmount()),
                "fiat_amount", UnigoxAmounts.fiat(price.fiatAmount()),
                "fee_breakdown", price.feeBreakdown(),
                "payment_method_slug", method == null ? market.paymentMethodSlug() : method,
                "payment_network_slug", network == null ? market.paymentNetworkSlug() : network,
                "provider_scope", scope,
                "is_indicative", true));
    }

    private Reply quote(Call call) {
        JsonNode body = call.body();
        String userUuid = call.requiredText(body, "user_uuid");
        long paymentDetailsId = paymentDetailsId(call, body);
        PriceRequest request = priceRequest(call, body);
        if (request.fiatAmount() != null && pricing.requiresWholeFiat(request.fiat())
                && request.fiatAmount().stripTrailingZeros().scale() > 0) {
            throw call.invalid("fiat_amount must be a whole number for integer-minor-unit currencies");
        }
        SimUser user = state.users.find(userUuid).orElse(null);
        PaymentProfile profile = state.users.profile(paymentDetailsId).orElse(null);
        if (user == null || profile == null || !profile.userUuid().equals(userUuid)) {
            throw SimError.partner(404, "INVALID_PAYMENT_DETAILS", "Payment details not found or do not belong to user");
        }
        requireKycCleared(user);
        if (pricing.market(request.fiat()).isEmpty()) {
            throw SimError.partner(409, "NO_OFFERS_AVAILABLE",
                    "No offers available for " + request.crypto() + "/" + request.fiat());
        }
        if (!profile.currency().equals(request.fiat())) {
            throw SimError.partner(400, "RAIL_ROUTE_MISMATCH", "payment details " + paymentDetailsId + " pay out "
                    + profile.currency() + ", not " + request.fiat());
        }
        Quote quote = state.quotes.issue(userUuid, paymentDetailsId, price(request), clock.instant());
        return Reply.ok(quote.view());
    }

    private Reply initiate(Call call) {
        JsonNode body = call.body();
        String quoteId = call.requiredText(body, "quote_id");
        String referenceId = call.text(body, "reference_id");
        Quote quote = state.quotes.find(quoteId)
                .orElseThrow(() -> SimError.partner(404, "QUOTE_NOT_FOUND", "Quote not found"));
        if (quote.used()) {
            throw SimError.partner(409, "QUOTE_ALREADY_USED", "Quote has already been used");
        }
        if (quote.expiredAt(clock.instant())) {
            throw SimError.partner(409, "QUOTE_EXPIRED", "Quote has expired, please request a new quote");
        }
        // a 422 leaves the quote unused ("reverted"), so the same quote works once KYC clears
        SimUser user = state.users.find(quote.userUuid()).orElseThrow();
        requireKycCleared(user);
        if (quote.stale() || state.takePriceChange()) {
            quote.markStale();
            throw priceChanged(quote.price());
        }
        quote.markUsed();
        SimulatedOrder order = orders.open(quote, referenceId, AddressRule.firstStatus(user, quote.price().fiatCurrency()));
        return Reply.created(OrderView.initiated(order));
    }

    private SimError priceChanged(Price quoted) {
        BigDecimal current = pricing.movedRate(quoted.rate());
        BigDecimal sold = quoted.cryptoAmount().subtract(quoted.platformFee());
        BigDecimal difference = sold.multiply(current).subtract(quoted.fiatAmount()).abs()
                .setScale(UnigoxAmounts.FIAT_SCALE, RoundingMode.HALF_UP);
        return SimError.partner(409, "PRICE_CHANGED_REQUOTE",
                "Price has changed beyond slippage tolerance, please request a new quote",
                UnigoxJson.object("quoted_rate", quoted.rate(), "current_rate", current, "fiat_difference", difference));
    }

    private static void requireKycCleared(SimUser user) {
        if (user.kyc().status() != KycStatus.VERIFIED) {
            throw SimError.partner(422, "KYC_NOT_CLEARED", "Customer is not cleared for this transaction",
                    UnigoxJson.object("kyc_status", user.kyc().partnerFacingStatus()));
        }
    }

    private static long paymentDetailsId(Call call, JsonNode body) {
        JsonNode id = body.get("payment_details_id");
        if (id == null || id.isNull()) {
            if (body.hasNonNull("recipient_id") || body.hasNonNull("sender_id")) {
                throw call.invalid("third-party payouts (recipients) are not simulated; send payment_details_id");
            }
            throw call.missing(List.of("payment_details_id"));
        }
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            // an integer in this request, although profiles show it as a string
            throw call.invalid("payment_details_id must be an integer");
        }
        return id.asLong();
    }

    private PriceRequest priceRequest(Call call, JsonNode body) {
        String crypto = call.requiredText(body, "crypto_currency").toUpperCase(Locale.ROOT);
        String fiat = call.requiredText(body, "fiat_currency").toUpperCase(Locale.ROOT);
        String cryptoText = call.text(body, "crypto_amount");
        String fiatText = call.text(body, "fiat_amount");
        if ((cryptoText == null) == (fiatText == null)) {
            throw call.invalid("exactly one of crypto_amount or fiat_amount must be provided");
        }
        BigDecimal cryptoAmount = cryptoText == null ? null : positive(call, "crypto_amount", cryptoText);
        BigDecimal fiatAmount = fiatText == null ? null : positive(call, "fiat_amount", fiatText);
        String pctText = call.text(body, "partner_fee_pct");
        BigDecimal partnerFeePct = pctText == null ? BigDecimal.ZERO : UnigoxAmounts.parse(pctText);
        if (partnerFeePct == null) {
            throw call.invalid("partner_fee_pct must be a non-negative decimal string");
        }
        if (!pricing.supportsCrypto(crypto)) {
            throw call.invalid("unsupported cryptocurrency: " + crypto);
        }
        return new PriceRequest(crypto, fiat, cryptoAmount, fiatAmount, partnerFeePct);
    }

    private Price price(PriceRequest request) {
        return request.cryptoAmount() != null
                ? pricing.forCryptoDeposit(request.crypto(), request.fiat(), request.cryptoAmount(), request.partnerFeePct())
                : pricing.forFiatPayout(request.crypto(), request.fiat(), request.fiatAmount(), request.partnerFeePct());
    }

    private static BigDecimal positive(Call call, String field, String text) {
        BigDecimal amount = UnigoxAmounts.parse(text);
        if (amount == null || amount.signum() <= 0) {
            throw call.invalid(field + " must be a positive decimal string");
        }
        return amount;
    }
}
