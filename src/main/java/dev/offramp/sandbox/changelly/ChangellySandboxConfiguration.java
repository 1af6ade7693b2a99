package dev.offramp.sandbox.changelly;

import dev.offramp.sandbox.SandboxHttpAdapter;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Puts the Changelly simulator into the registry when the sandbox is on ({@code offramp.sandbox=true}):
 * {@code changellySimulator} and {@code changellySandboxHttp}, the processor of the route in
 * {@code routes/sandbox/changelly-simulator.camel.yaml}. With the sandbox off nothing is created, so no
 * thread runs and no sandbox key is needed.
 */
@Configuration
public class ChangellySandboxConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent props = context.getPropertiesComponent();
        if (!"true".equalsIgnoreCase(setting(props, "offramp.sandbox"))) {
            return;
        }
        ChangellySimulatorSettings settings = new ChangellySimulatorSettings(
                required(props, "sandbox.changelly.api-key"),
                required(props, "sandbox.changelly.request-public-key"),
                required(props, "sandbox.changelly.callback-private-key"),
                setting(props, "sandbox.changelly.callback-url"),
                integer(props, "sandbox.changelly.step-seconds", 0),
                integer(props, "offramp.http-port", -1));
        ChangellySimulator simulator = new ChangellySimulator(settings);
        context.getRegistry().bind("changellySimulator", simulator);
        context.getRegistry().bind("changellySandboxHttp", new SandboxHttpAdapter(simulator, ChangellySimulatorSettings.MOUNT_POINT));
        try {
            context.addService(new SimulatorLifecycle(simulator));
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the Changelly simulator's lifecycle", e);
        }
    }

    private static String setting(PropertiesComponent props, String key) {
        return props.resolveProperty(key).map(String::trim).orElse("");
    }

    private static String required(PropertiesComponent props, String key) {
        String value = setting(props, key);
        if (value.isEmpty()) {
            throw new IllegalStateException("the Changelly sandbox is on but " + key + " is empty");
        }
        return value;
    }

    private static int integer(PropertiesComponent props, String key, int fallback) {
        String value = setting(props, key);
        if (value.isEmpty()) {
            if (fallback < 0) {
                throw new IllegalStateException("the Changelly sandbox is on but " + key + " is empty");
            }
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " is not a whole number", e);
        }
    }
}
