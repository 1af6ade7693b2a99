package dev.offramp.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings production cannot run without. In the {@code prod} profile they have no defaults, and
 * start-up stops with one message naming every missing environment variable (never a value).
 */
public final class RequiredSettings {

    /** property key → the environment variable that sets it. */
    public static final Map<String, String> PRODUCTION;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("offramp.db.url", "OFFRAMP_DB_URL");
        m.put("offramp.db.user", "OFFRAMP_DB_USER");
        m.put("offramp.db.password", "OFFRAMP_DB_PASSWORD");
        m.put("offramp.api-keys", "OFFRAMP_API_KEYS");
        m.put("offramp.admin-keys", "OFFRAMP_ADMIN_KEYS");
        m.put("unigox.base-url", "UNIGOX_BASE_URL");
        m.put("unigox.api-key", "UNIGOX_API_KEY");
        m.put("unigox.webhook.secrets", "UNIGOX_WEBHOOK_SECRETS");
        m.put("unigox.webhook.url", "UNIGOX_WEBHOOK_URL");
        m.put("changelly.base-url", "CHANGELLY_BASE_URL");
        m.put("changelly.api-key", "CHANGELLY_API_KEY");
        m.put("changelly.private-key", "CHANGELLY_PRIVATE_KEY");
        m.put("changelly.callback-public-keys", "CHANGELLY_CALLBACK_PUBLIC_KEYS");
        PRODUCTION = Map.copyOf(m);
        ORDER = List.copyOf(m.keySet());
    }

    private static final List<String> ORDER;

    private RequiredSettings() {
    }

    /** The environment variables whose settings are blank, in a stable order. */
    public static List<String> missing(Function<String, String> lookup) {
        List<String> missing = new ArrayList<>();
        for (String key : ORDER) {
            String value = lookup.apply(key);
            if (value == null || value.isBlank()) {
                missing.add(PRODUCTION.get(key));
            }
        }
        return missing;
    }

    /** @throws IllegalStateException naming every missing variable */
    public static void requireAll(String profile, Function<String, String> lookup) {
        List<String> missing = missing(lookup);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Refusing to start in profile '" + profile
                    + "': required settings are missing. Set these environment variables: "
                    + String.join(", ", missing));
        }
    }
}
