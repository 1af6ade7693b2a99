package dev.offramp.sandbox.unigox;

/**
 * Everything the simulator remembers, and the one lock that guards it: every API call (except the
 * webhook test, which only waits for a delivery) and every clock step runs synchronized on this
 * object, so the state is never seen half-changed. Webhooks are only queued under the lock.
 */
final class SimulatorState {

    final SimulatedUsers users = new SimulatedUsers();
    final QuoteBook quotes;
    final SimulatedOrders orders = new SimulatedOrders();
    final FakeChain chain = new FakeChain();
    private boolean priceChangeOnNextInitiate;

    SimulatorState(long quoteTtlSeconds) {
        this.quotes = new QuoteBook(quoteTtlSeconds);
    }

    /** Arms the sandbox switch: the next initiate that gets as far as pricing finds the price moved. */
    void armPriceChange() {
        priceChangeOnNextInitiate = true;
    }

    /** True once after {@link #armPriceChange()}. */
    boolean takePriceChange() {
        boolean armed = priceChangeOnNextInitiate;
        priceChangeOnNextInitiate = false;
        return armed;
    }

    void reset() {
        users.clear();
        quotes.clear();
        orders.clear();
        chain.reset();
        priceChangeOnNextInitiate = false;
    }
}
