package dev.offramp.config;

import dev.offramp.console.ConsoleAccess;
import dev.offramp.console.ConsoleAssets;
import dev.offramp.console.ConsoleCookie;
import dev.offramp.console.ConsoleSessions;
import dev.offramp.console.ConsoleSignIn;
import dev.offramp.http.ApiKeyVerifier;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The beans of the inbound check and the ops console (issue 20): the three key lists, the console's
 * sessions, its sign-in and its files.
 */
final class ConsoleBeans {

    private ConsoleBeans() {
    }

    static void bind(CamelContext context) {
        PropertiesComponent props = context.getPropertiesComponent();
        var registry = context.getRegistry();
        ApiKeyVerifier apiKeys = new ApiKeyVerifier(BundleConfiguration.setting(props, "offramp.api-keys"));
        ApiKeyVerifier adminKeys = new ApiKeyVerifier(BundleConfiguration.setting(props, "offramp.admin-keys"));
        ApiKeyVerifier viewerKeys = new ApiKeyVerifier(BundleConfiguration.setting(props, "offramp.viewer-keys"));
        registry.bind("apiKeys", apiKeys);
        registry.bind("adminKeys", adminKeys);
        ConsoleSessions sessions = new ConsoleSessions(Clock.systemUTC());
        registry.bind("consoleAccess", new ConsoleAccess(apiKeys, adminKeys, viewerKeys, sessions));
        boolean secure = Boolean.parseBoolean(BundleConfiguration.setting(props, "offramp.console.cookie-secure"));
        registry.bind("consoleSignIn", new ConsoleSignIn(sessions, new ConsoleCookie(secure)));
        registry.bind("consoleAssets", new ConsoleAssets());
    }
}
