package dev.offramp.sandbox.changelly;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The simulator's orders, in memory. Every write happens under one lock and replaces an immutable
 * {@link SellOrder}; the listener hears of each change under that same lock, so callbacks are queued in
 * exactly the order the changes were made. {@code externalOrderId} is unique, checked atomically on insert.
 */
final class OrderBook {

    private final Object lock = new Object();
    private final Map<String, SellOrder> byId = new HashMap<>();
    private final Map<String, String> idByExternalOrderId = new HashMap<>();
    private final OrderChangeListener listener;
    private final Clock clock;

    OrderBook(OrderChangeListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Stores a new order. A repeated externalOrderId is refused: the API's idempotency on it is undocumented,
     * and refusing makes a client that retries a create blindly visible instead of silently creating twins.
     */
    void add(SellOrder order) {
        synchronized (lock) {
            if (idByExternalOrderId.containsKey(order.externalOrderId())) {
                throw ChangellyApiError.validation("externalOrderId", "Order with this externalOrderId already exists");
            }
            byId.put(order.orderId(), order);
            idByExternalOrderId.put(order.externalOrderId(), order.orderId());
            listener.added(order);
        }
    }

    Optional<SellOrder> find(String orderId) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(orderId));
        }
    }

    /** All orders, oldest first. */
    List<SellOrder> all() {
        List<SellOrder> orders;
        synchronized (lock) {
            orders = new ArrayList<>(byId.values());
        }
        orders.sort(Comparator.comparing(SellOrder::createdAt).thenComparingLong(SellOrder::sequence));
        return orders;
    }

    /** Applies a sandbox PATCH. */
    SellOrder patch(String orderId, OrderPatch patch) {
        return update(orderId, order -> order.patched(patch, clock.instant()), OrderChangeListener.Cause.SANDBOX_PATCH);
    }

    /**
     * Moves the order one step along created → pending → complete.
     *
     * @param expectedStatusChanges if given, step only if the status has not changed since (a clock tick
     *     scheduled for a status the order has already left must do nothing)
     * @return the order after the step, or empty when there was nothing to do
     */
    Optional<SellOrder> step(String orderId, Integer expectedStatusChanges) {
        synchronized (lock) {
            SellOrder order = byId.get(orderId);
            if (order == null || (expectedStatusChanges != null && order.statusChanges() != expectedStatusChanges)) {
                return Optional.empty();
            }
            Optional<ChangellyOrderStatus> next = order.status().nextStep();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(update(orderId, o -> o.withStatus(next.get(), clock.instant()), OrderChangeListener.Cause.STEP));
        }
    }

    void clear() {
        synchronized (lock) {
            byId.clear();
            idByExternalOrderId.clear();
        }
    }

    private SellOrder update(String orderId, UnaryOperator<SellOrder> change, OrderChangeListener.Cause cause) {
        synchronized (lock) {
            SellOrder before = byId.get(orderId);
            if (before == null) {
                throw ChangellyApiError.orderNotFound();
            }
            SellOrder after = change.apply(before);
            byId.put(orderId, after);
            listener.changed(before, after, cause);
            return after;
        }
    }
}
