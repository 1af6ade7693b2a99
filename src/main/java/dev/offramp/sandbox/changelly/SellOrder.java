package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sell order as the simulator stores it: an immutable snapshot, replaced as a whole on every change
 * (so a reader never sees half an update). Amounts are decimal strings, as on the wire.
 *
 * @param amountExpectedTo the fiat payout the quote promised; {@code amountTo} of the sandbox PATCH sets it
 * @param transactionHash filled when the order first moves past {@code created} (the crypto arrived)
 * @param statusChanges how many times the status changed; the clock uses it to ignore a step scheduled for
 *     a status the order has since left
 * @param sequence creation order, to sort orders created within the same millisecond
 */
record SellOrder(
        String orderId, String externalOrderId, String externalUserId, String providerCode,
        String currencyFrom, String currencyTo, String amountFrom, String amountExpectedTo,
        String country, String state, String ip, String refundAddress, String walletAddress, String walletExtraId,
        String paymentMethod, String userAgent, JsonNode metadata,
        String payinAmount, String payoutAmount, String payinCurrency, String payoutCurrency, String transactionHash,
        String redirectUrl, ChangellyOrderStatus status, int statusChanges, Instant createdAt, Instant updatedAt, long sequence) {

    private static final SecureRandom RANDOM = new SecureRandom();

    SellOrder withStatus(ChangellyOrderStatus newStatus, Instant now) {
        if (newStatus == status) {
            return this;
        }
        String hash = transactionHash;
        if (hash == null && newStatus != ChangellyOrderStatus.expired && newStatus != ChangellyOrderStatus.failed && newStatus != ChangellyOrderStatus.created) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            hash = HexFormat.of().formatHex(bytes);
        }
        return new SellOrder(orderId, externalOrderId, externalUserId, providerCode, currencyFrom, currencyTo, amountFrom,
                amountExpectedTo, country, state, ip, refundAddress, walletAddress, walletExtraId, paymentMethod, userAgent,
                metadata, payinAmount, payoutAmount, payinCurrency, payoutCurrency, hash, redirectUrl, newStatus,
                statusChanges + 1, createdAt, now, sequence);
    }

    /** The order with the patch's properties (and status, if given) applied; updatedAt moves even if nothing differs. */
    SellOrder patched(OrderPatch patch, Instant now) {
        SellOrder updated = new SellOrder(orderId, externalOrderId, externalUserId, providerCode,
                pick(patch, "currencyFrom", currencyFrom), pick(patch, "currencyTo", currencyTo),
                pick(patch, "amountFrom", amountFrom), pick(patch, "amountTo", amountExpectedTo),
                pick(patch, "country", country), pick(patch, "state", state), pick(patch, "ip", ip),
                pick(patch, "refundAddress", refundAddress), pick(patch, "walletAddress", walletAddress),
                pick(patch, "walletExtraId", walletExtraId), pick(patch, "paymentMethod", paymentMethod),
                pick(patch, "userAgent", userAgent), patch.changes("metadata") ? patch.metadata() : metadata,
                pick(patch, "payinAmount", payinAmount), pick(patch, "payoutAmount", payoutAmount),
                pick(patch, "payinCurrency", payinCurrency), pick(patch, "payoutCurrency", payoutCurrency),
                transactionHash, redirectUrl, status, statusChanges, createdAt, now, sequence);
        return patch.status().map(s -> updated.withStatus(s, now)).orElse(updated);
    }

    private static String pick(OrderPatch patch, String field, String current) {
        return patch.changes(field) ? patch.text(field) : current;
    }

    /**
     * The order as {@code GET /v1/orders} lists it and as callbacks carry it: the documented callback fields
     * plus {@code type}, {@code amountExpectedTo}, {@code refundAddress} and {@code updatedAt} for sell orders.
     */
    Map<String, Object> toView() {
        return withStatusClaim(status);
    }

    /** The view, but claiming a status the order may not have (the sandbox's lying callback). */
    Map<String, Object> withStatusClaim(ChangellyOrderStatus claimed) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("redirectUrl", redirectUrl);
        view.put("orderId", orderId);
        view.put("status", claimed.name());
        view.put("type", "sell");
        view.put("externalUserId", externalUserId);
        view.put("externalOrderId", externalOrderId);
        view.put("providerCode", providerCode);
        view.put("currencyFrom", currencyFrom);
        view.put("currencyTo", currencyTo);
        view.put("amountFrom", amountFrom);
        view.put("amountExpectedTo", amountExpectedTo);
        view.put("country", country);
        view.put("state", state);
        view.put("ip", ip);
        view.put("walletAddress", walletAddress);
        view.put("walletExtraId", walletExtraId);
        view.put("refundAddress", refundAddress);
        view.put("paymentMethod", paymentMethod);
        view.put("userAgent", userAgent);
        view.put("metadata", metadata);
        view.put("createdAt", ChangellyJson.timestamp(createdAt));
        view.put("updatedAt", ChangellyJson.timestamp(updatedAt));
        view.put("payinAmount", payinAmount);
        view.put("payoutAmount", payoutAmount);
        view.put("payinCurrency", payinCurrency);
        view.put("payoutCurrency", payoutCurrency);
        view.put("transactionHash", transactionHash);
        return view;
    }

    /** The answer of {@code POST /v1/sell/orders}: exactly the documented fields (no status there). */
    Map<String, Object> toCreatedResponse() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("redirectUrl", redirectUrl);
        json.put("orderId", orderId);
        json.put("externalUserId", externalUserId);
        json.put("externalOrderId", externalOrderId);
        json.put("providerCode", providerCode);
        json.put("currencyFrom", currencyFrom);
        json.put("currencyTo", currencyTo);
        json.put("amountFrom", amountFrom);
        json.put("country", country);
        json.put("state", state);
        json.put("ip", ip);
        json.put("refundAddress", refundAddress);
        json.put("paymentMethod", paymentMethod);
        json.put("userAgent", userAgent);
        json.put("metadata", metadata);
        json.put("createdAt", ChangellyJson.timestamp(createdAt));
        return json;
    }
}
