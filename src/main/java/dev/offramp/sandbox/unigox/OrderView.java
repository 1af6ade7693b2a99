package dev.offramp.sandbox.unigox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How an order reads: the full PartnerOrderResponse, the initiate answer, action answers and webhook data. */
final class OrderView {

    /**
     * The authorization window. The contract gives only an example of the countdown (1720 s) and no
     * total; 30 minutes fits it. When it runs out the counter shows 0 and the order waits (use the
     * sandbox {@code end} endpoint to simulate the expiry cancel).
     */
    static final long AUTHORIZATION_WINDOW_SECONDS = 1800;

    private OrderView() {
    }

    static Map<String, Object> full(SimulatedOrder order, Instant now) {
        Price price = order.price();
        return UnigoxJson.object(
                "order_id", order.orderId(),
                "status", order.status().readsAs(),
                "next_action", nextAction(order),
                "action_required", actionRequired(order),
                "allowed_actions", allowedActions(order),
                "crypto_transfer_authorization_seconds_left", authorizationSecondsLeft(order, now),
                "amounts", price.amounts(),
                "fee_breakdown", price.feeBreakdown(),
                "timeline", timeline(order),
                "has_fiat_settlement_notification", false,
                "reference_id", order.referenceId(),
                "created_at", Times.iso(order.createdAt()),
                "updated_at", Times.iso(order.updatedAt()));
    }

    static Map<String, Object> initiated(SimulatedOrder order) {
        Price price = order.price();
        return UnigoxJson.object(
                "order_id", order.orderId(),
                "status", order.status().wire(),
                "quote_id", order.quoteId(),
                "reference_id", order.referenceId(),
                "order_type", "offramp",
                "amounts", price.amounts(),
                "fee_breakdown", price.feeBreakdown(),
                "timeline", timeline(order),
                "created_at", Times.iso(order.createdAt()));
    }

    /** The "compact action response" (no fee_breakdown) of authorize, confirm, cancel and refund. */
    static Map<String, Object> compact(SimulatedOrder order) {
        return UnigoxJson.object(
                "order_id", order.orderId(),
                "status", order.status().readsAs(),
                "next_action", nextAction(order),
                "allowed_actions", allowedActions(order));
    }

    /** The {@code data} of {@code order.status.changed}: amounts in their shortest form, ids as strings. */
    static Map<String, Object> webhookData(SimulatedOrder order) {
        Price price = order.price();
        return UnigoxJson.object(
                "order_id", order.orderId(),
                "status", order.status().wire(),
                "user_uuid", order.userUuid(),
                "crypto_amount", UnigoxAmounts.shortest(price.cryptoAmount()),
                "crypto_currency", price.cryptoCurrency(),
                "partner_fee", UnigoxAmounts.shortest(price.partnerFee()),
                "partner_fee_pct", UnigoxAmounts.percent(price.partnerFeePct()),
                "fiat_amount", UnigoxAmounts.fiat(price.fiatAmount()),
                "fiat_currency", price.fiatCurrency(),
                "provider", "p2p",
                "payment_details_id", Long.toString(order.paymentDetailsId()));
    }

    static Map<String, Object> refundAction(SimulatedOrder order) {
        return UnigoxJson.object(
                "type", "authorize_refund",
                "message", "This order ended without a payout and the crypto is still in escrow. "
                        + "Sign the refund to send it back to your wallet.",
                "endpoint", "POST /api/v1/partner/orders/" + order.orderId() + "/authorize-refund");
    }

    static List<String> allowedActions(SimulatedOrder order) {
        return owesRefund(order) ? List.of("authorize-refund") : order.status().allowedActions();
    }

    private static String nextAction(SimulatedOrder order) {
        return owesRefund(order) ? "authorize_refund" : order.status().nextAction();
    }

    private static Map<String, Object> actionRequired(SimulatedOrder order) {
        if (order.status() == UnigoxOrderStatus.PENDING_ADDRESS) {
            return AddressRule.action(order.userUuid());
        }
        return owesRefund(order) ? refundAction(order) : null;
    }

    private static boolean owesRefund(SimulatedOrder order) {
        return order.status() == UnigoxOrderStatus.CANCELLED && order.refundOwed();
    }

    private static Long authorizationSecondsLeft(SimulatedOrder order, Instant now) {
        UnigoxOrderStatus status = order.status();
        if (status != UnigoxOrderStatus.AWAITING_CRYPTO_TRANSFER_AUTHORIZATION
                && status != UnigoxOrderStatus.CRYPTO_TRANSFER_AUTHORIZATION_PENDING) {
            return null;
        }
        long elapsed = Duration.between(order.authorizationWindowOpenedAt(), now).getSeconds();
        return Math.max(0, AUTHORIZATION_WINDOW_SECONDS - elapsed);
    }

    private static List<Object> timeline(SimulatedOrder order) {
        return order.timeline().stream()
                .<Object>map(step -> UnigoxJson.object(
                        "status", step.status().readsAs(),
                        "timestamp", Times.iso(step.at()),
                        "description", step.status().description()))
                .toList();
    }
}
