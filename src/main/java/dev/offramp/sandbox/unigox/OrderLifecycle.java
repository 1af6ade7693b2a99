package dev.offramp.sandbox.unigox;

import java.time.Clock;

/**
 * Moves orders between statuses. Every move lands in the timeline, sends {@code order.status.changed},
 * and, when the new status moves on by itself, books the next clock step. Called under the state lock.
 */
final class OrderLifecycle {

    private final SimulatorState state;
    private final WebhookSender webhooks;
    private final StepScheduler scheduler;
    private final Clock clock;

    OrderLifecycle(SimulatorState state, WebhookSender webhooks, StepScheduler scheduler, Clock clock) {
        this.state = state;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * A new order at {@code first} ({@code awaiting_liquidity_provider}, or {@code pending_address} when
     * {@link AddressRule} parks it), announced like any other status.
     */
    SimulatedOrder open(Quote quote, String referenceId, UnigoxOrderStatus first) {
        SimulatedOrder order = state.orders.open(quote, referenceId, first, clock.instant());
        announce(order);
        bookNextStep(order);
        return order;
    }

    void move(SimulatedOrder order, UnigoxOrderStatus to) {
        order.moveTo(to, clock.instant());
        if (to == UnigoxOrderStatus.CRYPTO_RECEIVED) {
            order.recordFunding(FakeChain.txHash("fund:" + order.orderId()));
        }
        if (to == UnigoxOrderStatus.REFUNDED && order.refundTxHash() == null) {
            order.recordRefund(FakeChain.txHash("refund:" + order.orderId()));
        }
        announce(order);
        bookNextStep(order);
    }

    /** One automatic step now; 409 INVALID_STATUS when the order waits for the partner or has ended. */
    void step(SimulatedOrder order) {
        UnigoxOrderStatus next = order.status().automaticNext().orElseThrow(() -> SimError.partner(409, "INVALID_STATUS",
                "order at " + order.status().wire() + " has no automatic step"));
        move(order, next);
    }

    /**
     * The order stops with its crypto still in escrow: it reads {@code cancelled}, and
     * {@code order.refund.required} says once (deterministic event id) that the partner must sign.
     */
    void cancelOwingRefund(SimulatedOrder order) {
        order.owesRefund();
        move(order, UnigoxOrderStatus.CANCELLED);
        var data = OrderView.webhookData(order);
        data.put("action_required", OrderView.refundAction(order));
        webhooks.publish(WebhookEvent.of("evt_refund_required_" + order.orderId(), WebhookEvent.ORDER_REFUND_REQUIRED,
                clock.instant(), data, order.orderId(), order.userUuid(), order.status().wire()));
    }

    private void announce(SimulatedOrder order) {
        webhooks.publish(WebhookEvent.of(WebhookEvent.newEventId(), WebhookEvent.ORDER_STATUS_CHANGED, clock.instant(),
                OrderView.webhookData(order), order.orderId(), order.userUuid(), order.status().wire()));
    }

    private void bookNextStep(SimulatedOrder order) {
        if (order.status().automaticNext().isEmpty()) {
            return;
        }
        long bookedAt = order.version();
        scheduler.afterOneStep(() -> {
            synchronized (state) {
                boolean stillThere = state.orders.find(order.orderId()).orElse(null) == order;
                if (stillThere && order.version() == bookedAt) {
                    step(order);
                }
            }
        });
    }
}
