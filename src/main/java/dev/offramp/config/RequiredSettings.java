package dev.offramp.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings production cannot run without. In the {@code prod} profile they have no defaults, and
 * start-up stops with one message naming every missing environment variable (never a value). The
 * settings of an upstream are required only when it is enabled (OFFRAMP_UNIGOX_ENABLED,
 * OFFRAMP_CHANGELLY_ENABLED): a business that signed one upstream configures only that one.
 */
public final class RequiredSettings {

    /** property key → the environment variable that sets it: what every deployment needs. */
    public static final Map<String, String> COMMON = ordered(
            "offramp.db.url", "OFFRAMP_DB_URL",
            "offramp.db.user", "OFFRAMP_DB_USER",
            "offramp.db.password", "OFFRAMP_DB_PASSWORD",
            "offramp.api-keys", "OFFRAMP_API_KEYS",
            "offramp.admin-keys", "OFFRAMP_ADMIN_KEYS");

    /** upstream → (property key → environment variable): what each enabled upstream needs. */
    public static final Map<String, Map<String, String>> PER_UPSTREAM = orderedUpstreams(
            "unigox", ordered(
                    "unigox.base-url", "UNIGOX_BASE_URL",
                    "unigox.api-key", "UNIGOX_API_KEY",
                    "unigox.webhook.secrets", "UNIGOX_WEBHOOK_SECRETS",
                    "unigox.webhook.url", "UNIGOX_WEBHOOK_URL"),
            "changelly", ordered(
                    "changelly.base-url", "CHANGELLY_BASE_URL",
                    "changelly.api-key", "CHANGELLY_API_KEY",
                    "changelly.private-key", "CHANGELLY_PRIVATE_KEY",
                    "changelly.callback-public-keys", "CHANGELLY_CALLBACK_PUBLIC_KEYS"));

    private RequiredSettings() {
    }

    /**
     * The environment variables whose settings are blank, in a stable order: the common ones, then each
     * enabled upstream's (upstreams in {@link #PER_UPSTREAM} order).
     */
    public static List<String> missing(Function<String, String> lookup, Collection<String> enabledUpstreams) {
        List<String> missing = new ArrayList<>();
        addMissing(COMMON, lookup, missing);
        PER_UPSTREAM.forEach((upstream, settings) -> {
            if (enabledUpstreams.contains(upstream)) {
                addMissing(settings, lookup, missing);
            }
        });
        return missing;
    }

    /** @throws IllegalStateException naming every missing variable */
    public static void requireAll(String profile, Function<String, String> lookup, Collection<String> enabledUpstreams) {
        List<String> missing = missing(lookup, enabledUpstreams);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start in profile '" + profile
                    + "': required settings are missing. Set these environment variables: "
                    + String.join(", ", missing));
        }
    }

    private static void addMissing(Map<String, String> settings, Function<String, String> lookup, List<String> missing) {
        settings.forEach((key, variable) -> {
            String value = lookup.apply(key);
            if (value == null || value.isBlank()) {
                missing.add(variable);
            }
        });
    }

    private static Map<String, String> ordered(String... keysAndVariables) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndVariables.length; i += 2) {
            m.put(keysAndVariables[i], keysAndVariables[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Map<String, String>> orderedUpstreams(String first, Map<String, String> firstSettings,
            String second, Map<String, String> secondSettings) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put(first, firstSettings);
        m.put(second, secondSettings);
        return java.util.Collections.unmodifiableMap(m);
    }
}
