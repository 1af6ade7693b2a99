package dev.offramp.sandbox.unigox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract's address rule for EUR, AUD and GBP payouts: an order initiated for a user whose KYC
 * lacks {@code address}, {@code city} or {@code postal_code} is created at {@code pending_address}
 * ({@code next_action: update_kyc_address}, {@code action_required} naming {@code PATCH .../kyc}), and
 * "automatically advances" once {@code PATCH /users/{user_uuid}/kyc} completes the address: it moves to
 * {@code awaiting_liquidity_provider}, announced, and the clock takes it on from there as any other
 * order. Called under the state lock.
 */
final class AddressRule {

    static final Set<String> CURRENCIES = Set.of("EUR", "AUD", "GBP");
    static final List<String> FIELDS = List.of("address", "city", "postal_code");
    private static final Map<String, String> LABELS = Map.of(
            "address", "Street address of the recipient",
            "city", "City of the recipient",
            "postal_code", "Postal code of the recipient");

    private final SimulatorState state;
    private final OrderLifecycle orders;

    AddressRule(SimulatorState state, OrderLifecycle orders) {
        this.state = state;
        this.orders = orders;
    }

    /** The address fields the user's KYC still lacks (empty when the address is complete). */
    static List<String> missing(SimUser user) {
        Map<String, String> pii = user.kyc().pii();
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            String value = pii.get(field);
            if (value == null || value.isBlank()) {
                missing.add(field);
            }
        }
        return missing;
    }

    /** Where a new order of {@code user} paying out {@code fiatCurrency} starts. */
    static UnigoxOrderStatus firstStatus(SimUser user, String fiatCurrency) {
        return CURRENCIES.contains(fiatCurrency) && !missing(user).isEmpty()
                ? UnigoxOrderStatus.PENDING_ADDRESS
                : UnigoxOrderStatus.AWAITING_LIQUIDITY_PROVIDER;
    }

    /** The user's KYC changed: with the address complete, each of its parked orders moves on. */
    void release(SimUser user) {
        if (!missing(user).isEmpty()) {
            return;
        }
        for (SimulatedOrder order : state.orders.at(UnigoxOrderStatus.PENDING_ADDRESS)) {
            if (order.userUuid().equals(user.userUuid())) {
                orders.move(order, UnigoxOrderStatus.AWAITING_LIQUIDITY_PROVIDER);
            }
        }
    }

    /** The {@code action_required} of a parked order, as PartnerOrderResponse describes it. */
    static Map<String, Object> action(String userUuid) {
        List<Object> fields = new ArrayList<>();
        for (String field : FIELDS) {
            fields.add(UnigoxJson.object("field", field, "label", LABELS.get(field)));
        }
        return UnigoxJson.object(
                "type", "update_kyc_address",
                "message", "EUR/AUD/GBP bank transfers require the recipient's physical address. "
                        + "Update the user's KYC before the order can proceed.",
                "endpoint", "PATCH " + UnigoxSimulator.PARTNER + "/users/" + userUuid + "/kyc",
                "fields", fields);
    }
}
