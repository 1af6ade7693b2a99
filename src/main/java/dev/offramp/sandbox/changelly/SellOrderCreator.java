package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a {@code POST /v1/sell/orders} body into a new order, or into the 400 that names what is wrong:
 * missing or mistyped fields, unknown currencies/provider/country, a payment method the provider lacks, a
 * refund address that does not fit the currency, or the provider's own refusal (e.g. {@code limits}), which
 * keeps its documented {@code errorType}. The expected payout is the provider's quote at that moment.
 */
final class SellOrderCreator {

    private final SellOfferCalculator calculator;
    private final AddressValidator addresses;
    private final ChangellySimulatorSettings settings;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    SellOrderCreator(SellOfferCalculator calculator, AddressValidator addresses, ChangellySimulatorSettings settings, Clock clock) {
        this.calculator = calculator;
        this.addresses = addresses;
        this.settings = settings;
        this.clock = clock;
    }

    SellOrder create(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        String externalOrderId = fields.requiredText("externalOrderId");
        String externalUserId = fields.requiredText("externalUserId");
        String providerCode = fields.requiredText("providerCode");
        String currencyFrom = fields.requiredText("currencyFrom");
        String currencyTo = fields.requiredText("currencyTo");
        String amountFrom = fields.requiredAmount("amountFrom");
        String country = fields.requiredText("country");
        String state = fields.optionalText("state");
        String ip = fields.optionalText("ip");
        // required in the older doc version, optional in the newer: required here, the stricter reading
        String refundAddress = fields.requiredText("refundAddress");
        String paymentMethod = fields.optionalText("paymentMethod");
        String walletAddress = fields.optionalText("walletAddress");
        String walletExtraId = fields.optionalText("walletExtraId");
        String userAgent = fields.optionalText("userAgent");
        JsonNode metadata = fields.optionalObject("metadata");
        fields.throwIfInvalid();

        SellOfferRequest request = SellOfferRequest.of(currencyFrom, currencyTo, amountFrom, country, state, paymentMethod, providerCode);
        OfframpProvider provider = request.provider().orElseThrow();
        if (paymentMethod != null && provider.method(paymentMethod).isEmpty()) {
            throw ChangellyApiError.validation("paymentMethod", "Payment method is not supported by the provider");
        }
        if (addresses.problem(request.currencyFrom(), refundAddress, null).isPresent()) {
            throw ChangellyApiError.validation("refundAddress", "Incorrect refund address for " + currencyFrom);
        }
        SellOffer offer = calculator.offer(provider, request);
        if (offer instanceof SellOffer.Failure failure) {
            throw ChangellyApiError.ofOfferError(failure);
        }
        SellOffer.Quote quote = (SellOffer.Quote) offer;
        // the documented sample answers paymentMethod "card" for a request without one: the provider's pick,
        // here its best-paying method
        SellOffer.MethodQuote chosen = paymentMethod == null ? quote.best()
                : quote.methods().stream().filter(m -> m.method().equals(paymentMethod)).findFirst().orElseThrow();
        String amountExpectedTo = ChangellyAmounts.format(chosen.amountExpectedTo());

        String orderId = UUID.randomUUID().toString();
        var now = clock.instant();
        return new SellOrder(orderId, externalOrderId, externalUserId, provider.code(), currencyFrom, currencyTo,
                amountFrom, amountExpectedTo, country, request.state().map(CatalogCountry.State::code).orElse(null), ip,
                refundAddress, walletAddress, walletExtraId, chosen.method(), userAgent, metadata,
                amountFrom, amountExpectedTo, currencyFrom, currencyTo, null,
                settings.baseUrl("localhost") + "/checkout/" + orderId,
                ChangellyOrderStatus.created, 0, now, now, sequence.incrementAndGet());
    }
}
