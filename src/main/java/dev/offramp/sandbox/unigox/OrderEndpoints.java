package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimError.Envelope.PARTNER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /orders}: read one, list, and the partner's actions (transfer authorization, confirm,
 * cancel, refund). Partner envelope.
 *
 * <p>Choices where the contract is silent: action answers are the compact order (no fee_breakdown);
 * confirm-fiat-received is a no-op 200 from {@code fiat_received_confirmed} on as well as from
 * {@code completed}, since a confirm retried after a timeout finds the order there; signatures are
 * checked for form (0x hex), never cryptographically.
 */
final class OrderEndpoints {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final List<String> FORWARD_REQUEST_FIELDS = List.of("from", "to", "value", "gas", "nonce",
            "deadline", "data");
    private static final Set<UnigoxOrderStatus> CONFIRMABLE = Set.of(UnigoxOrderStatus.CRYPTO_RECEIVED,
            UnigoxOrderStatus.FIAT_PAYMENT_STARTED, UnigoxOrderStatus.AWAITING_FIAT_RECEIVED_CONFIRMATION);
    private static final Set<UnigoxOrderStatus> ALREADY_CONFIRMED = Set.of(UnigoxOrderStatus.FIAT_RECEIVED_CONFIRMED,
            UnigoxOrderStatus.CRYPTO_RELEASE_PENDING, UnigoxOrderStatus.COMPLETED);

    private final SimulatorState state;
    private final OrderLifecycle lifecycle;
    private final Clock clock;

    OrderEndpoints(SimulatorState state, OrderLifecycle lifecycle, Clock clock) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    void addTo(RouteTable routes) {
        String orders = UnigoxSimulator.PARTNER + "/orders";
        String order = orders + "/{order_id}";
        routes.add("GET", orders, PARTNER, this::list)
                .add("GET", order, PARTNER, call -> Reply.ok(OrderView.full(order(state, call), clock.instant())))
                .add("GET", order + "/transfer-authorization-parameters", PARTNER, this::transferParameters)
                .add("POST", order + "/authorize-crypto-transfer", PARTNER, this::authorizeCryptoTransfer)
                .add("POST", order + "/confirm-fiat-received", PARTNER, this::confirmFiatReceived)
                .add("POST", order + "/cancel", PARTNER, this::cancel)
                .add("GET", order + "/refund-authorization-parameters", PARTNER, this::refundParameters)
                .add("POST", order + "/authorize-refund", PARTNER, this::authorizeRefund);
    }

    /** The order of the path: 400 for an id that is not a UUID, 404 for an unknown one. */
    static SimulatedOrder order(SimulatorState state, Call call) {
        String id = call.param("order_id");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw SimError.partner(400, "INVALID_REQUEST", "invalid order_id format");
        }
        return state.orders.find(id).orElseThrow(() -> SimError.partner(404, "ORDER_NOT_FOUND", "Order not found"));
    }

    private Reply list(Call call) {
        Map<String, String> query = call.query();
        String statusText = query.getOrDefault("status", "");
        UnigoxOrderStatus status = statusText.isBlank() ? null : UnigoxOrderStatus.fromWire(statusText)
                .orElseThrow(() -> call.invalid("invalid status: " + statusText));
        int page = positiveInt(call, query, "page", 1);
        // more than the maximum is served as the maximum rather than refused
        int limit = Math.min(positiveInt(call, query, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        SimulatedOrders.Page result = state.orders.list(status, page, limit);
        List<Object> orders = new ArrayList<>();
        result.orders().forEach(o -> orders.add(OrderView.full(o, clock.instant())));
        return Reply.ok(UnigoxJson.object("orders", orders, "pagination", UnigoxJson.object(
                "page", result.page(), "limit", result.limit(),
                "total_count", result.totalCount(), "total_pages", result.totalPages())));
    }

    private Reply transferParameters(Call call) {
        SimulatedOrder order = order(state, call);
        UnigoxOrderStatus status = order.status();
        if (status == UnigoxOrderStatus.CREATED || status == UnigoxOrderStatus.AWAITING_LIQUIDITY_PROVIDER) {
            throw SimError.partner(409, "INVALID_STATUS",
                    "order is not ready for this action yet: no liquidity provider has accepted it");
        }
        if (status != UnigoxOrderStatus.AWAITING_CRYPTO_TRANSFER_AUTHORIZATION
                && status != UnigoxOrderStatus.CRYPTO_TRANSFER_AUTHORIZATION_PENDING) {
            throw SimError.partner(409, "INVALID_STATUS",
                    "order is not awaiting a crypto transfer authorization (status: " + status.wire() + ")");
        }
        Price price = order.price();
        // the partner funds the gross plus its own markup
        BigDecimal funded = price.fundedAmount();
        String escrow = FakeChain.escrow(order.orderId());
        return Reply.ok(UnigoxJson.object(
                "order_id", order.orderId(),
                "network_preset", FakeChain.NETWORK_PRESET,
                "chain_id", FakeChain.CHAIN_ID,
                "rpc_url", FakeChain.RPC_URL,
                "token_address", FakeChain.token(price.cryptoCurrency()),
                "forwarder_address", FakeChain.FORWARDER,
                "recipient_address", escrow,
                "sender_address", FakeChain.PARTNER_WALLET,
                "amount_atomic", FakeChain.atomic(funded),
                "amount_human", UnigoxAmounts.crypto(funded),
                "crypto_currency", price.cryptoCurrency(),
                "crypto_decimals", FakeChain.TOKEN_DECIMALS,
                "recommended_gas_limit", FakeChain.RECOMMENDED_GAS,
                "recommended_ttl_seconds", FakeChain.RECOMMENDED_TTL_SECONDS,
                "transfer_data", FakeChain.transferCalldata(escrow, funded),
                "forwarder_nonce", Long.toString(state.chain.forwarderNonce()),
                "authorization_path", UnigoxSimulator.PARTNER + "/orders/" + order.orderId()
                        + "/authorize-crypto-transfer"));
    }

    /** One submission per order: a replay while it is pending answers 200 pending and changes nothing. */
    private Reply authorizeCryptoTransfer(Call call) {
        SimulatedOrder order = order(state, call);
        JsonNode body = call.body();
        JsonNode forwardRequest = call.object(body, "forward_request");
        List<String> missing = new ArrayList<>();
        if (forwardRequest == null) {
            missing.add("forward_request");
        } else {
            FORWARD_REQUEST_FIELDS.stream().filter(f -> !forwardRequest.hasNonNull(f))
                    .forEach(f -> missing.add("forward_request." + f));
        }
        String signature = call.text(body, "signature");
        if (signature == null || signature.isBlank()) {
            missing.add("signature");
        }
        if (!missing.isEmpty()) {
            throw call.missing(missing);
        }
        requireHex(call, signature);
        if (order.status() == UnigoxOrderStatus.AWAITING_CRYPTO_TRANSFER_AUTHORIZATION) {
            state.chain.useNonce();
            lifecycle.move(order, UnigoxOrderStatus.CRYPTO_TRANSFER_AUTHORIZATION_PENDING);
        } else if (order.status() != UnigoxOrderStatus.CRYPTO_TRANSFER_AUTHORIZATION_PENDING) {
            throw SimError.partner(409, "INVALID_STATUS",
                    "order is not awaiting crypto transfer authorization (status: " + order.status().wire() + ")");
        }
        // the OpenAPI documents this 200 without a body: the order is read with GET /orders/{id}
        return Reply.okWithoutBody();
    }

    private Reply confirmFiatReceived(Call call) {
        SimulatedOrder order = order(state, call);
        if (CONFIRMABLE.contains(order.status())) {
            lifecycle.move(order, UnigoxOrderStatus.FIAT_RECEIVED_CONFIRMED);
        } else if (!ALREADY_CONFIRMED.contains(order.status())) {
            throw SimError.partner(409, "INVALID_STATUS",
                    "fiat receipt cannot be confirmed at status " + order.status().wire());
        }
        return Reply.okWithoutBody();
    }

    private Reply cancel(Call call) {
        SimulatedOrder order = order(state, call);
        if (!OrderView.allowedActions(order).contains("cancel")) {
            throw SimError.partner(400, "INVALID_STATUS", "cancellation not allowed at current status");
        }
        lifecycle.move(order, UnigoxOrderStatus.CANCELLED);
        return Reply.okWithoutBody();
    }

    /**
     * The signature sends the escrow back: the order moves to {@code refund_pending} (the Safe executing;
     * no tx_hash yet, as the contract allows) and on the clock to {@code refunded}, each with its webhook.
     * Safe to retry: a refund under way or done answers its state again.
     */
    private Reply authorizeRefund(Call call) {
        SimulatedOrder order = order(state, call);
        String signature = call.requiredText(call.body(), "signature");
        requireHex(call, signature);
        if (order.status() == UnigoxOrderStatus.CANCELLED && order.refundOwed()) {
            order.refundAuthorized();
            lifecycle.move(order, UnigoxOrderStatus.REFUND_PENDING);
        } else if (order.status() != UnigoxOrderStatus.REFUND_PENDING && order.status() != UnigoxOrderStatus.REFUNDED) {
            throw SimError.partner(409, "INVALID_STATUS", "no refund is owed on this order");
        }
        var answer = UnigoxJson.object("order_id", order.orderId(), "status", order.status().wire());
        if (order.refundTxHash() != null) {
            // absent while the refund executes (the contract: "poll GET /orders/{order_id}")
            answer.put("tx_hash", order.refundTxHash());
        }
        return Reply.ok(answer);
    }

    /** The Safe transaction the partner signs to send a funded escrow back (contract example values). */
    private Reply refundParameters(Call call) {
        SimulatedOrder order = order(state, call);
        if (order.status() != UnigoxOrderStatus.CANCELLED || !order.refundOwed()) {
            throw SimError.partner(409, "INVALID_STATUS", switch (order.status()) {
                case REFUND_PENDING, REFUNDED -> "this order has already been refunded";
                case COMPLETED -> "this order has already been released to the buyer";
                default -> "this order does not owe a refund";
            });
        }
        return Reply.ok(RefundParameters.of(order));
    }

    private static void requireHex(Call call, String signature) {
        if (!signature.matches("0x[0-9a-fA-F]+")) {
            throw call.invalid("signature must be 0x-prefixed hex");
        }
    }

    private static int positiveInt(Call call, Map<String, String> query, String name, int fallback) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw call.invalid(name + " must be a positive integer");
    }
}
