package dev.offramp.sandbox.unigox;

import dev.offramp.sandbox.SandboxHttpAdapter;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.Service;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Puts the Unigox simulator into the Camel registry when {@code offramp.sandbox=true}: the simulator
 * as {@code unigoxSimulator}, and its HTTP adapter for the {@code sandbox-unigox-serve} route as
 * {@code unigoxSandboxHttp}. With the sandbox off nothing is created and no thread starts. The
 * simulator's clock and webhook threads stop with the context. This is the only Camel-aware class of
 * the simulator.
 */
@Configuration
public class UnigoxSandboxConfiguration implements CamelConfiguration {

    static final String MOUNT_POINT = "/sandbox/unigox";

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent props = context.getPropertiesComponent();
        if (!"true".equalsIgnoreCase(setting(props, "offramp.sandbox"))) {
            return;
        }
        UnigoxSimulatorSettings settings = new UnigoxSimulatorSettings(
                setting(props, "sandbox.unigox.api-key"),
                setting(props, "sandbox.unigox.webhook-secret"),
                number(props, "sandbox.unigox.step-seconds"),
                number(props, "sandbox.unigox.quote-ttl-seconds"));
        UnigoxSimulator simulator = new UnigoxSimulator(settings);
        context.getRegistry().bind("unigoxSimulator", simulator);
        context.getRegistry().bind("unigoxSandboxHttp", new SandboxHttpAdapter(simulator, MOUNT_POINT));
        context.addService(new StopsWithContext(simulator));
    }

    /** Closes the simulator when Camel stops its services. */
    static final class StopsWithContext implements Service {

        private final UnigoxSimulator simulator;

        StopsWithContext(UnigoxSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public void start() {
            // the simulator runs from construction; only its shutdown is tied to the context
        }

        @Override
        public void stop() {
            simulator.close();
        }
    }

    private static String setting(PropertiesComponent props, String key) {
        return props.resolveProperty(key).map(String::trim).orElse("");
    }

    private static long number(PropertiesComponent props, String key) {
        String value = setting(props, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of seconds, not '" + value + "'", e);
        }
    }
}
