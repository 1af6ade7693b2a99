package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One off-ramp order: the quote's price, the status with its timeline, and the facts later steps
 * need (when the authorization window opened, the fake transaction hashes, whether a refund is
 * owed). Changed only under the simulator's lock, through {@link OrderLifecycle}.
 */
final class SimulatedOrder {

    /** One timeline entry, as {@code timeline[]} shows it. */
    record Step(UnigoxOrderStatus status, Instant at) {
    }

    private final String orderId;
    private final long sequence;
    private final String userUuid;
    private final long paymentDetailsId;
    private final String quoteId;
    private final String referenceId;
    private final Price price;
    private final Instant createdAt;
    private final List<Step> timeline = new ArrayList<>();
    private UnigoxOrderStatus status;
    private Instant updatedAt;
    private long version;
    private Instant authorizationWindowOpenedAt;
    private String fundingTxHash;
    private boolean refundOwed;
    private String refundTxHash;
    /** Told of every status change: the listing keeps its per-status index with it. */
    private StatusListener statusListener;

    interface StatusListener {
        void moved(SimulatedOrder order, UnigoxOrderStatus from);
    }

    SimulatedOrder(String orderId, long sequence, Quote quote, String referenceId, UnigoxOrderStatus first, Instant now) {
        this.orderId = orderId;
        this.sequence = sequence;
        this.userUuid = quote.userUuid();
        this.paymentDetailsId = quote.paymentDetailsId();
        this.quoteId = quote.quoteId();
        this.referenceId = referenceId;
        this.price = quote.price();
        this.createdAt = now;
        this.status = first;
        this.updatedAt = now;
        this.timeline.add(new Step(first, now));
    }

    String orderId() {
        return orderId;
    }

    /** Creation order: the list endpoint sorts by it, so paging stays stable when times tie. */
    long sequence() {
        return sequence;
    }

    String userUuid() {
        return userUuid;
    }

    long paymentDetailsId() {
        return paymentDetailsId;
    }

    String quoteId() {
        return quoteId;
    }

    String referenceId() {
        return referenceId;
    }

    Price price() {
        return price;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<Step> timeline() {
        return List.copyOf(timeline);
    }

    UnigoxOrderStatus status() {
        return status;
    }

    /** Bumped on every status change, so a step scheduled for an older status does nothing. */
    long version() {
        return version;
    }

    Instant authorizationWindowOpenedAt() {
        return authorizationWindowOpenedAt;
    }

    String fundingTxHash() {
        return fundingTxHash;
    }

    boolean refundOwed() {
        return refundOwed;
    }

    String refundTxHash() {
        return refundTxHash;
    }

    void onStatusChange(StatusListener listener) {
        this.statusListener = listener;
    }

    void moveTo(UnigoxOrderStatus to, Instant now) {
        UnigoxOrderStatus from = status;
        status = to;
        updatedAt = now;
        version++;
        timeline.add(new Step(to, now));
        if (to == UnigoxOrderStatus.AWAITING_CRYPTO_TRANSFER_AUTHORIZATION) {
            authorizationWindowOpenedAt = now;
        }
        if (statusListener != null && from != to) {
            statusListener.moved(this, from);
        }
    }

    void recordFunding(String txHash) {
        fundingTxHash = txHash;
    }

    void owesRefund() {
        refundOwed = true;
    }

    /** The partner signed the refund: nothing is owed any more, the Safe executes it. */
    void refundAuthorized() {
        refundOwed = false;
    }

    void recordRefund(String txHash) {
        refundOwed = false;
        refundTxHash = txHash;
    }
}
