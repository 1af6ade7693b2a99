package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated body of {@code PATCH /v1/sandbox/order/{id}}: the order properties to change. All fields are
 * optional; those documented as strings must be strings (amounts may also be numbers), {@code metadata} an
 * object, {@code status} one of the documented statuses. Fields the documentation does not list are ignored.
 * A property given as JSON null is cleared, except the ones every order must have.
 */
final class OrderPatch {

    private static final List<String> REQUIRED_TEXT = List.of("currencyFrom", "currencyTo", "country");
    private static final List<String> OPTIONAL_TEXT = List.of(
            "state", "ip", "walletAddress", "walletExtraId", "refundAddress", "paymentMethod", "userAgent",
            "payinCurrency", "payoutCurrency");
    private static final List<String> OPTIONAL_AMOUNTS = List.of("amountTo", "payinAmount", "payoutAmount");

    private final Map<String, Object> changes;
    private final Optional<ChangellyOrderStatus> status;

    private OrderPatch(Map<String, Object> changes, Optional<ChangellyOrderStatus> status) {
        this.changes = changes;
        this.status = status;
    }

    static OrderPatch parse(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String name : REQUIRED_TEXT) {
            if (fields.has(name)) {
                changes.put(name, fields.requiredText(name));
            }
        }
        for (String name : OPTIONAL_TEXT) {
            if (fields.has(name)) {
                changes.put(name, fields.optionalText(name));
            }
        }
        if (fields.has("amountFrom")) {
            changes.put("amountFrom", fields.requiredAmount("amountFrom"));
        }
        for (String name : OPTIONAL_AMOUNTS) {
            if (fields.has(name)) {
                changes.put(name, fields.optionalAmount(name));
            }
        }
        if (fields.has("metadata")) {
            changes.put("metadata", fields.optionalObject("metadata"));
        }
        Optional<ChangellyOrderStatus> status = Optional.empty();
        if (fields.has("status")) {
            String text = fields.requiredText("status");
            status = ChangellyOrderStatus.parse(text);
            if (text != null && status.isEmpty()) {
                fields.problem("status", "Incorrect status: one of created, pending, hold, refunded, expired, failed, complete");
            }
        }
        fields.throwIfInvalid();
        return new OrderPatch(changes, status);
    }

    Optional<ChangellyOrderStatus> status() {
        return status;
    }

    boolean changes(String field) {
        return changes.containsKey(field);
    }

    /** The new value of a text or amount property (null = cleared); only meaningful if {@link #changes}. */
    String text(String field) {
        return (String) changes.get(field);
    }

    JsonNode metadata() {
        return (JsonNode) changes.get("metadata");
    }
}
