package dev.offramp.logging;

import java.util.Locale;

/**
 * How log lines are written: {@code text} (one readable line, the default) or {@code json} (one JSON
 * object a line in the Elastic Common Schema layout, for log shippers). Chosen by the environment variable
 * {@value #VARIABLE} before anything logs: the entry point reads it, refuses an unknown value, and hands the
 * choice to log4j2.properties as the system property {@value #SYSTEM_PROPERTY}. Plain Java: it runs before
 * logging or Camel exist.
 */
public enum LogFormat {
    TEXT, JSON;

    public static final String VARIABLE = "OFFRAMP_LOG_FORMAT";
    public static final String SYSTEM_PROPERTY = "offramp.log.format";

    /** The format a value names: empty is text; text or json in any case; anything else is refused. */
    public static LogFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return TEXT;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException(VARIABLE + " must be text or json, not '"
                    + (v.length() > 20 ? v.substring(0, 20) + "..." : v) + "'");
        };
    }

    /** The format in use: the one the entry point chose, or else what the environment says. */
    public static LogFormat active() {
        String chosen = System.getProperty(SYSTEM_PROPERTY);
        return chosen != null ? parse(chosen) : parse(System.getenv(VARIABLE));
    }

    /** The name log4j2.properties knows the appender by. */
    public String appender() {
        return name().toLowerCase(Locale.ROOT);
    }
}
