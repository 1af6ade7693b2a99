package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimError.Envelope.PARTNER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's own endpoints under {@code /_sandbox} (not part of the Unigox API): drive the clock,
 * end orders the other ways, make webhooks misbehave, expire quotes, move prices and KYC, and
 * forget everything (faults too; arming them is {@link FaultEndpoints}). Same key as the API; partner
 * envelope. Listed in {@link UnigoxSimulator}.
 */
final class UnigoxControlEndpoints {

    private static final String ROOT = "/_sandbox";
    /** Upper bound of one bulk creation, so a typo cannot eat the bundle's heap. */
    static final int MAX_BULK = 1_000_000;
    /** The user every bulk order belongs to (no such user exists: bulk orders are for reconciliation). */
    static final String BULK_USER_UUID = "00000000-0000-4000-8000-00000000b01c";
    private static final Set<KycStatus> SETTABLE_KYC = Set.of(KycStatus.VERIFIED, KycStatus.VERIFICATION_REJECTED,
            KycStatus.UNDER_REVIEW);

    private final SimulatorState state;
    private final OrderLifecycle orders;
    private final KycLifecycle kyc;
    private final WebhookSender webhooks;
    private final ResponseLatency latency;
    private final RequestStats stats;
    private final UnigoxFaultInjector faults;
    private final Clock clock;

    UnigoxControlEndpoints(SimulatorState state, OrderLifecycle orders, KycLifecycle kyc, WebhookSender webhooks,
                            ResponseLatency latency, RequestStats stats, UnigoxFaultInjector faults, Clock clock) {
        this.state = state;
        this.orders = orders;
        this.kyc = kyc;
        this.webhooks = webhooks;
        this.latency = latency;
        this.stats = stats;
        this.faults = faults;
        this.clock = clock;
    }

    void addTo(RouteTable routes) {
        routes.add("POST", ROOT + "/orders/{order_id}/advance", PARTNER, this::advanceOrder)
                .add("POST", ROOT + "/orders/{order_id}/end", PARTNER, this::endOrder)
                .add("POST", ROOT + "/webhooks/mode", PARTNER, this::setWebhookMode)
                .add("GET", ROOT + "/webhooks/deliveries", PARTNER,
                        call -> Reply.ok(UnigoxJson.object("mode", webhooks.mode().wire(), "deliveries", webhooks.deliveries())))
                .add("POST", ROOT + "/quotes/{quote_id}/expire", PARTNER, this::expireQuote)
                .add("POST", ROOT + "/offramp/next-initiate-price-change", PARTNER, call -> {
                    state.armPriceChange();
                    return Reply.ok(UnigoxJson.object("next_initiate_price_change", true));
                })
                .add("POST", ROOT + "/users/{user_uuid}/kyc", PARTNER, this::setKyc)
                .add("POST", ROOT + "/users/{user_uuid}/kyc/advance", PARTNER, this::advanceKyc)
                .add("POST", ROOT + "/latency", PARTNER, this::setLatency)
                .add("POST", ROOT + "/orders/bulk", PARTNER, this::bulkOrders)
                .add("POST", ROOT + "/orders/bulk/move", PARTNER, this::moveBulkOrders)
                .add("GET", ROOT + "/stats", PARTNER, call -> Reply.ok(UnigoxJson.object("calls", stats.snapshot(),
                        "paths", stats.pathSnapshot(), "paths_truncated", stats.pathsTruncated())))
                .add("POST", ROOT + "/stats/reset", PARTNER, call -> {
                    stats.reset();
                    return Reply.ok(UnigoxJson.object("reset", true));
                })
                .add("POST", ROOT + "/reset", PARTNER, call -> {
                    state.reset();
                    webhooks.reset();
                    latency.reset();
                    stats.reset();
                    faults.clear();
                    return Reply.ok(UnigoxJson.object("reset", true));
                });
    }

    private Reply setLatency(Call call) {
        String path = call.requiredText(call.body(), "path");
        var delay = call.body().get("delay_ms");
        if (!path.startsWith("/") || delay == null || !delay.isNumber()) {
            throw call.invalid("give path (starting with /) and delay_ms (a number)");
        }
        latency.set(path, delay.asLong());
        return Reply.ok(UnigoxJson.object("path", path, "delay_ms", delay.asLong()));
    }

    /** The id of bulk order {@code index} of {@code seed}: deterministic, so a benchmark can insert its own rows first. */
    static String bulkOrderId(int seed, int index) {
        return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", seed, index);
    }

    /**
     * {@code {"count":N,"status":"crypto_received","seed":S}}: N orders of 100 USDT -> EUR at that status
     * with ids {@link #bulkOrderId}(S, 0..N-1), no quote, no webhook, no clock step. All or nothing.
     */
    private Reply bulkOrders(Call call) {
        JsonNode body = call.body();
        int n = positive(call, body, "count", MAX_BULK);
        int s = body.has("seed") ? nonNegative(call, body, "seed") : 0;
        UnigoxOrderStatus status = status(call, body);
        for (int i = 0; i < n; i++) {
            if (state.orders.find(bulkOrderId(s, i)).isPresent()) {
                throw SimError.partner(409, "DUPLICATE", "order " + bulkOrderId(s, i) + " exists; use another seed");
            }
        }
        Instant now = clock.instant();
        Price price = new OfframpPricing().forCryptoDeposit("USDT", "EUR", new BigDecimal("100"), BigDecimal.ZERO);
        Quote quote = new Quote("bulk-" + s, BULK_USER_UUID, 0L, price, now);
        for (int i = 0; i < n; i++) {
            state.orders.place(bulkOrderId(s, i), quote, status, now);
        }
        return Reply.created(UnigoxJson.object("created", n, "status", status.wire(), "seed", s,
                "first_order_id", bulkOrderId(s, 0), "last_order_id", bulkOrderId(s, n - 1)));
    }

    /**
     * {@code {"seed":S,"count":N,"every":K,"offset":O,"status":"..."}}: bulk orders O, O+K, O+2K, ... below N of
     * seed S move to that status at once, as if Unigox had moved them: no webhook, no clock step (a benchmark's
     * second reconciliation pass finds as many changes as its first). All or nothing: 404 if one is missing.
     */
    private Reply moveBulkOrders(Call call) {
        JsonNode body = call.body();
        int n = positive(call, body, "count", MAX_BULK);
        int every = positive(call, body, "every", MAX_BULK);
        int offset = body.has("offset") ? nonNegative(call, body, "offset") : 0;
        int s = body.has("seed") ? nonNegative(call, body, "seed") : 0;
        UnigoxOrderStatus status = status(call, body);
        List<SimulatedOrder> moving = new ArrayList<>();
        for (int i = offset; i < n; i += every) {
            String id = bulkOrderId(s, i);
            moving.add(state.orders.find(id).orElseThrow(() -> SimError.partner(404, "NOT_FOUND", "no bulk order " + id)));
        }
        Instant now = clock.instant();
        for (SimulatedOrder order : moving) {
            order.moveTo(status, now);
        }
        return Reply.ok(UnigoxJson.object("moved", moving.size(), "status", status.wire()));
    }

    private static UnigoxOrderStatus status(Call call, JsonNode body) {
        String text = call.requiredText(body, "status");
        return UnigoxOrderStatus.fromWire(text).orElseThrow(() -> call.invalid("unknown status: " + text));
    }

    private static int positive(Call call, JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > max) {
            throw call.invalid(field + " must be 1.." + max);
        }
        return value.asInt();
    }

    private static int nonNegative(Call call, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.canConvertToInt() || value.asInt() < 0) {
            throw call.invalid(field + " must be a non-negative integer");
        }
        return value.asInt();
    }

    private Reply advanceOrder(Call call) {
        SimulatedOrder order = OrderEndpoints.order(state, call);
        orders.step(order);
        return Reply.ok(OrderView.full(order, clock.instant()));
    }

    private Reply endOrder(Call call) {
        SimulatedOrder order = OrderEndpoints.order(state, call);
        String ending = call.requiredText(call.body(), "status");
        UnigoxOrderStatus from = order.status();
        boolean allowed = switch (ending) {
            case "cancelled" -> from.onMainPath() || from == UnigoxOrderStatus.DISPUTE_STARTED;
            case "failed", "dispute_started" -> from.onMainPath();
            case "refund_required", "completed" -> from.escrowFunded();
            case "refunded" -> from == UnigoxOrderStatus.CANCELLED;
            default -> throw call.invalid(
                    "status must be cancelled, failed, dispute_started, refund_required, completed or refunded");
        };
        if (!allowed) {
            throw SimError.partner(409, "INVALID_STATUS", "an order at " + from.wire() + " cannot end as " + ending);
        }
        switch (ending) {
            case "refund_required" -> orders.cancelOwingRefund(order);
            case "refunded" -> {
                if (order.refundOwed()) {
                    order.recordRefund(FakeChain.txHash("refund:" + order.orderId()));
                }
                orders.move(order, UnigoxOrderStatus.REFUNDED);
            }
            default -> orders.move(order, UnigoxOrderStatus.fromWire(ending).orElseThrow());
        }
        return Reply.ok(OrderView.full(order, clock.instant()));
    }

    private Reply setWebhookMode(Call call) {
        String text = call.requiredText(call.body(), "mode");
        WebhookMode mode = WebhookMode.fromWire(text).orElseThrow(() -> call.invalid(
                "mode must be normal, duplicate_same_id, duplicate_new_id, reorder, drop or drop_refund"));
        webhooks.setMode(mode);
        return Reply.ok(UnigoxJson.object("mode", mode.wire()));
    }

    private Reply expireQuote(Call call) {
        Quote quote = state.quotes.find(call.param("quote_id"))
                .orElseThrow(() -> SimError.partner(404, "QUOTE_NOT_FOUND", "Quote not found"));
        quote.expireAt(clock.instant());
        return Reply.ok(UnigoxJson.object("quote_id", quote.quoteId(), "expires_at", Times.iso(quote.expiresAt())));
    }

    /** Sets the status as a reviewer would; it stays until changed (no clock step is booked). */
    private Reply setKyc(Call call) {
        SimUser user = user(call);
        String text = call.requiredText(call.body(), "kyc_status");
        KycStatus status = SETTABLE_KYC.stream().filter(s -> s.name().equals(text)).findFirst()
                .orElseThrow(() -> call.invalid("kyc_status must be VERIFIED, VERIFICATION_REJECTED or UNDER_REVIEW"));
        String reason = call.text(call.body(), "rejection_reason");
        kyc.change(user, status, reason == null ? "Document verification was not approved" : reason, false);
        return Reply.ok(kycView(user));
    }

    private Reply advanceKyc(Call call) {
        SimUser user = user(call);
        kyc.step(user);
        return Reply.ok(kycView(user));
    }

    private static Map<String, Object> kycView(SimUser user) {
        return UnigoxJson.object("user_uuid", user.userUuid(), "kyc_status", user.kyc().status().name());
    }

    private SimUser user(Call call) {
        return state.users.find(call.param("user_uuid"))
                .orElseThrow(() -> SimError.partner(404, "NOT_FOUND", "User not found"));
    }
}
