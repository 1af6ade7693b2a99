package dev.offramp.contract;

import static org.junit.jupiter.api.Assertions.fail;

import dev.offramp.sandbox.SandboxExchangeObserver;
import dev.offramp.sandbox.unigox.UnigoxSimulator;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds a route test to Unigox's published OpenAPI: every request the bundle sends to the Unigox
 * simulator, and every answer the simulator gives (except armed faults'), is validated
 * ({@link UnigoxContract}); a test during which any of them broke the contract fails after it, listing
 * each violation. Put {@code @ExtendWith(UnigoxContractExtension.class)} on a {@code @CamelMainTest}
 * class whose bundle runs the sandbox; it finds the test's {@link CamelContext} field and the
 * {@code unigoxSimulator} in its registry.
 *
 * <p>It starts watching at the first test, so a request made while the bundle started (the start-up
 * webhook registration) is not seen; tests that need it register again through the admin endpoint.
 */
public final class UnigoxContractExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UnigoxContractExtension.class);

    @Override
    public void beforeEach(ExtensionContext test) throws Exception {
        UnigoxSimulator simulator = simulator(test);
        if (simulator == null) {
            return;
        }
        // one watch per simulator, kept on the class and stopped with it
        ExtensionContext.Store store = test.getParent().orElseThrow().getStore(NAMESPACE);
        Watch watch = store.get(Watch.class, Watch.class);
        if (watch == null || watch.simulator != simulator) {
            if (watch != null) {
                watch.close();
            }
            store.put(Watch.class, new Watch(simulator));
        }
    }

    @Override
    public void afterEach(ExtensionContext test) {
        ExtensionContext.Store store = test.getParent().orElseThrow().getStore(NAMESPACE);
        Watch watch = store.get(Watch.class, Watch.class);
        if (watch == null) {
            return;
        }
        List<String> violations = watch.drain();
        if (!violations.isEmpty()) {
            fail("Exchanges with the Unigox simulator broke Unigox's published OpenAPI (" + UnigoxContract.SPEC + "):\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** The simulator of the test's bundle, or null when the bundle runs no sandbox. */
    private static UnigoxSimulator simulator(ExtensionContext test) throws IllegalAccessException {
        Object instance = test.getRequiredTestInstance();
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (CamelContext.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    CamelContext context = (CamelContext) field.get(instance);
                    return context == null ? null : context.getRegistry().lookupByNameAndType("unigoxSimulator", UnigoxSimulator.class);
                }
            }
        }
        throw new IllegalStateException(instance.getClass().getSimpleName() + " has no CamelContext field for UnigoxContractExtension");
    }

    /** The violations seen on one simulator since they were last drained. */
    static final class Watch implements ExtensionContext.Store.CloseableResource {

        final UnigoxSimulator simulator;
        private final List<String> violations = new ArrayList<>();
        private final SandboxExchangeObserver observer;

        Watch(UnigoxSimulator simulator) {
            this.simulator = simulator;
            this.observer = UnigoxContract.get().observer(this::add);
            simulator.observe(observer);
        }

        private synchronized void add(String violation) {
            violations.add(violation);
        }

        synchronized List<String> drain() {
            List<String> all = new ArrayList<>(violations);
            violations.clear();
            return all;
        }

        @Override
        public void close() {
            simulator.stopObserving(observer);
        }
    }
}
