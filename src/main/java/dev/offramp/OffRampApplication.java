package dev.offramp;

import dev.offramp.config.ConfigLocations;
import org.apache.camel.main.Main;

/**
 * Starts the bundle: routes from ./routes, configuration from ./config (run from the bundle root).
 * The configuration classes are named by the active profile ({@code camel.main.configuration-classes}
 * in config/application*.properties), not here: the embedded profile adds the sandbox simulators', the
 * prod profile leaves them out.
 */
public final class OffRampApplication {

    private OffRampApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(ConfigLocations.forActiveProfile());
        main.run(args);
    }
}
