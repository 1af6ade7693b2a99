package dev.offramp.console;

/**
 * Who signed in to the ops console: an admin key may read and change, a viewer key (finance, support)
 * may only read.
 */
public enum ConsoleRole {
    ADMIN,
    VIEWER;

    /** The lower-case name the console's JavaScript and the JSON answers use. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
