package dev.offramp;

import dev.offramp.config.ConfigLocations;
import org.apache.camel.main.Main;

/** Starts the bundle: routes from ./routes, configuration from ./config (run from the bundle root). */
public final class OffRampApplication {

    private OffRampApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(OffRampApplication.class);
        main.setDefaultPropertyPlaceholderLocation(ConfigLocations.forActiveProfile());
        main.run(args);
    }
}
