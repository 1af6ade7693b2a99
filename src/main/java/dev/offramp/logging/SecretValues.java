package dev.offramp.logging;

import dev.offramp.config.Settings;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The values no log line may show: every configured key and secret. Known from the environment
 * from the first log line on (production takes all of them from there), and completed at start-up
 * with the values resolved from the configuration files ({@link #register}).
 */
public final class SecretValues {

    /** Environment variables that hold secrets (the secret settings of {@link Settings}); comma-separated lists are split. */
    public static final List<String> VARIABLES = Settings.secrets().stream().map(Settings.Setting::variable).toList();

    /** Shorter values would mask ordinary words; a real key or secret is longer. */
    private static final int MIN_LENGTH = 6;
    private static final String MASK = "****";
    private static final Set<String> VALUES = new CopyOnWriteArraySet<>();

    static {
        for (String variable : VARIABLES) {
            register(System.getenv(variable));
        }
    }

    private SecretValues() {
    }

    /** Adds a secret setting's value (and each part of a comma-separated list). */
    public static void register(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        add(value.trim());
        for (String part : value.split(",")) {
            add(part.trim());
        }
    }

    private static void add(String value) {
        if (value.length() >= MIN_LENGTH) {
            VALUES.add(value);
        }
    }

    /** The text with every known secret replaced by ****. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : VALUES) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
