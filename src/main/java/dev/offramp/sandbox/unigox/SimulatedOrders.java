package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every order by id, and the paged listing of GET /orders (oldest first, so pages are stable). Kept in
 * creation order, so the listing's sort has nothing to do even with 100,000 orders (benchmarks).
 */
final class SimulatedOrders {

    /** One page of a listing and how many orders matched in all. */
    record Page(List<SimulatedOrder> orders, int page, int limit, int totalCount) {

        int totalPages() {
            return (totalCount + limit - 1) / limit;
        }
    }

    private final Map<String, SimulatedOrder> byId = new LinkedHashMap<>();
    private long nextSequence;

    SimulatedOrder open(Quote quote, String referenceId, Instant now) {
        SimulatedOrder order = new SimulatedOrder(UUID.randomUUID().toString(), nextSequence++, quote, referenceId,
                OrderStatus.AWAITING_LIQUIDITY_PROVIDER, now);
        byId.put(order.orderId(), order);
        return order;
    }

    /**
     * An order placed without a quote request, already at {@code status} and sending no webhook
     * ({@code POST /_sandbox/orders/bulk}); false when the id is taken.
     */
    boolean place(String orderId, Quote quote, OrderStatus status, Instant now) {
        if (byId.containsKey(orderId)) {
            return false;
        }
        SimulatedOrder order = new SimulatedOrder(orderId, nextSequence++, quote, null,
                OrderStatus.AWAITING_LIQUIDITY_PROVIDER, now);
        if (status != OrderStatus.AWAITING_LIQUIDITY_PROVIDER) {
            order.moveTo(status, now);
        }
        byId.put(orderId, order);
        return true;
    }

    Optional<SimulatedOrder> find(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    /** @param status null for every status */
    Page list(OrderStatus status, int page, int limit) {
        List<SimulatedOrder> matching = new ArrayList<>();
        for (SimulatedOrder order : byId.values()) {
            if (status == null || order.status() == status) {
                matching.add(order);
            }
        }
        matching.sort(Comparator.comparingLong(SimulatedOrder::sequence));
        int from = (int) Math.min((long) (page - 1) * limit, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page(List.copyOf(matching.subList(from, to)), page, limit, matching.size());
    }

    void clear() {
        byId.clear();
    }
}
