package dev.offramp.sandbox.changelly;

/**
 * Told about every change of a stored order, while the {@link OrderBook} still holds its lock: listeners
 * must be quick (enqueue, schedule), and in exchange see the changes in the order they were made.
 */
interface OrderChangeListener {

    /** Why an order changed, which decides whether a callback follows. */
    enum Cause {
        /** the order clock or the sandbox's advance endpoint moved it one step */
        STEP,
        /** PATCH /v1/sandbox/order/{id}: documented to send a callback even when the status stays */
        SANDBOX_PATCH
    }

    /** A new order was stored (no callback: its status did not change). */
    void added(SellOrder order);

    void changed(SellOrder before, SellOrder after, Cause cause);
}
