package dev.offramp.config;

/**
 * Where configuration is read from: {@code config/application.properties}, overridden by
 * {@code config/application-<profile>.properties} for the profile named by {@code CAMEL_MAIN_PROFILE}
 * (or {@code -Dcamel.main.profile}). Camel main only looks for profile files on the classpath;
 * ops edit the files in ./config, so the bundle points it there.
 */
public final class ConfigLocations {

    public static final String BASE = "file:config/application.properties";

    private ConfigLocations() {
    }

    public static String forActiveProfile() {
        return forProfile(activeProfile());
    }

    public static String activeProfile() {
        String fromSystem = System.getProperty("camel.main.profile");
        if (fromSystem != null && !fromSystem.isBlank()) {
            return fromSystem.trim();
        }
        String fromEnv = System.getenv("CAMEL_MAIN_PROFILE");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.trim();
    }

    /**
     * Camel resolves a key from the first location that has it, so the profile file comes first;
     * environment variables override both.
     */
    public static String forProfile(String profile) {
        if (profile == null || profile.isBlank()) {
            return BASE;
        }
        return "file:config/application-" + profile + ".properties," + BASE;
    }
}
