package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every order by id, and the paged listing of GET /orders (oldest first, so pages are stable). Orders
 * are also kept per status in creation order, updated as they move, so a page of one status is a slice
 * rather than a pass over every order: a reconciliation of 100,000 orders asks for 1,000 pages, and
 * filtering all orders for each took a third of the benchmark's CPU.
 */
final class SimulatedOrders {

    /** One page of a listing and how many orders matched in all. */
    record Page(List<SimulatedOrder> orders, int page, int limit, int totalCount) {

        int totalPages() {
            return (totalCount + limit - 1) / limit;
        }
    }

    private static final Comparator<SimulatedOrder> BY_SEQUENCE = Comparator.comparingLong(SimulatedOrder::sequence);

    private final Map<String, SimulatedOrder> byId = new LinkedHashMap<>();
    private final Map<UnigoxOrderStatus, List<SimulatedOrder>> byStatus = new EnumMap<>(UnigoxOrderStatus.class);
    private long nextSequence;

    /** @param first {@code awaiting_liquidity_provider}, or {@code pending_address} when the address rule parks it */
    SimulatedOrder open(Quote quote, String referenceId, UnigoxOrderStatus first, Instant now) {
        SimulatedOrder order = new SimulatedOrder(UUID.randomUUID().toString(), nextSequence++, quote, referenceId,
                first, now);
        add(order);
        return order;
    }

    /**
     * An order placed without a quote request, already at {@code status} and sending no webhook
     * ({@code POST /_sandbox/orders/bulk}); false when the id is taken.
     */
    boolean place(String orderId, Quote quote, UnigoxOrderStatus status, Instant now) {
        if (byId.containsKey(orderId)) {
            return false;
        }
        SimulatedOrder order = new SimulatedOrder(orderId, nextSequence++, quote, null,
                UnigoxOrderStatus.AWAITING_LIQUIDITY_PROVIDER, now);
        add(order);
        if (status != UnigoxOrderStatus.AWAITING_LIQUIDITY_PROVIDER) {
            order.moveTo(status, now);
        }
        return true;
    }

    Optional<SimulatedOrder> find(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    /** Every order at {@code status}, oldest first (a copy). */
    List<SimulatedOrder> at(UnigoxOrderStatus status) {
        return List.copyOf(byStatus.getOrDefault(status, List.of()));
    }

    /** @param status null for every status */
    Page list(UnigoxOrderStatus status, int page, int limit) {
        List<SimulatedOrder> matching = status == null ? new ArrayList<>(byId.values())
                : byStatus.getOrDefault(status, List.of());
        int from = (int) Math.min((long) (page - 1) * limit, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page(List.copyOf(matching.subList(from, to)), page, limit, matching.size());
    }

    void clear() {
        byId.clear();
        byStatus.clear();
    }

    /** A new order: the newest, so it goes at the end of its status's list. */
    private void add(SimulatedOrder order) {
        byId.put(order.orderId(), order);
        byStatus.computeIfAbsent(order.status(), s -> new ArrayList<>()).add(order);
        order.onStatusChange(this::moved);
    }

    private void moved(SimulatedOrder order, UnigoxOrderStatus from) {
        List<SimulatedOrder> old = byStatus.get(from);
        if (old != null) {
            int at = Collections.binarySearch(old, order, BY_SEQUENCE);
            if (at >= 0) {
                old.remove(at);
            }
        }
        List<SimulatedOrder> now = byStatus.computeIfAbsent(order.status(), s -> new ArrayList<>());
        int at = Collections.binarySearch(now, order, BY_SEQUENCE);
        now.add(at < 0 ? -at - 1 : at, order);
    }
}
