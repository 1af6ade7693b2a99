package dev.offramp.sandbox.changelly;

import org.apache.camel.Service;

/**
 * Ties the simulator's background threads to the Camel context: when the context stops, the clock and the
 * callback thread stop with it. The only Camel type the simulator's package needs besides its wiring.
 */
final class SimulatorLifecycle implements Service {

    private final ChangellySimulator simulator;

    SimulatorLifecycle(ChangellySimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void start() {
        // the simulator's threads start with its first order or callback
    }

    @Override
    public void stop() {
        simulator.close();
    }
}
