package dev.offramp.app;

import dev.offramp.config.ConfigLocations;
import dev.offramp.logging.LogFormat;
import org.apache.camel.main.Main;

/**
 * Starts the bundle: routes from ./routes, configuration from ./config (run from the bundle root).
 *
 * <p>It names no configuration class: the active profile does, in {@code camel.main.configuration-classes}
 * (config/application.properties: the bundle's and the two sandbox simulators'; application-prod.properties:
 * the bundle's only, so prod never even loads the simulators). Named rather than found by package
 * scanning: Camel scans the packaged jar by reading and inflating every one of its entries, three times,
 * which took about half a second of every start-up (BENCHMARKS.md); {@code new Main()} without a main
 * class scans nothing.
 *
 * <p>This class is alone in its package on purpose. The tests' {@code @CamelMainTest(mainClass =
 * OffRampApplication.class)} scans this class's package (and those below it) for configuration classes
 * and configures what it finds besides the classes the profile names, without looking for doubles: were a
 * configuration class found here, it would run twice. ConfigurationClassesTest holds both lists and this.
 */
public final class OffRampApplication {

    private OffRampApplication() {
    }

    public static void main(String[] args) throws Exception {
        // before anything logs: log4j2.properties picks its appender from this, and an unknown format would
        // otherwise leave the bundle without a single log line
        try {
            System.setProperty(LogFormat.SYSTEM_PROPERTY, LogFormat.parse(System.getenv(LogFormat.VARIABLE)).appender());
        } catch (IllegalArgumentException e) {
            System.err.println("offramp-bundle: " + e.getMessage());
            System.exit(2);
        }
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(ConfigLocations.forActiveProfile());
        main.run(args);
    }
}
