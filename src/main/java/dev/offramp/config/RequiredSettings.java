package dev.offramp.config;

import dev.offramp.config.Settings.Required;
import dev.offramp.config.Settings.Setting;
import dev.offramp.status.Provider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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

    /** property key → the environment variable that sets it: what every deployment needs (from {@link Settings}). */
    public static final Map<String, String> COMMON = keysAndVariables(Required.ALWAYS, null);

    /** upstream → (property key → environment variable): what each enabled upstream needs (from {@link Settings}). */
    public static final Map<String, Map<String, String>> PER_UPSTREAM = perUpstream();

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

    private static Map<String, String> keysAndVariables(Required required, Provider upstream) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting setting : Settings.ALL) {
            if (setting.required() == required && setting.upstream() == upstream) {
                m.put(setting.key(), setting.variable());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Map<String, String>> perUpstream() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        for (Provider upstream : Provider.values()) {
            m.put(upstream.id(), keysAndVariables(Required.WHEN_UPSTREAM_ENABLED, upstream));
        }
        return Collections.unmodifiableMap(m);
    }
}
