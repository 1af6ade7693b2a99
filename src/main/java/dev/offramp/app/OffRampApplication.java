package dev.offramp.app;

import dev.offramp.config.BundleConfiguration;
import dev.offramp.config.ConfigLocations;
import dev.offramp.sandbox.changelly.ChangellySandboxConfiguration;
import dev.offramp.sandbox.unigox.UnigoxSandboxConfiguration;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;

/** Starts the bundle: routes from ./routes, configuration from ./config (run from the bundle root). */
public final class OffRampApplication {

    /**
     * The bundle's configuration classes, named rather than found by package scanning: Camel scans the
     * packaged jar by reading and inflating every one of its entries, three times, which took about half
     * a second of every start-up (BENCHMARKS.md). ConfigurationClassesTest keeps this list complete.
     */
    public static final List<Class<? extends CamelConfiguration>> CONFIGURATIONS = List.of(
            BundleConfiguration.class, UnigoxSandboxConfiguration.class, ChangellySandboxConfiguration.class);

    private OffRampApplication() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().withConfigurations(CONFIGURATIONS.toArray(Class[]::new));
        main.setDefaultPropertyPlaceholderLocation(ConfigLocations.forActiveProfile());
        main.run(args);
    }
}
