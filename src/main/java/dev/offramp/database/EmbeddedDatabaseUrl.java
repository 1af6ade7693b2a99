package dev.offramp.database;

import java.util.Locale;

/**
 * The order store's JDBC URL as the bundle opens it. Two H2 settings decide whether the bundle keeps its
 * promises on H2, so an H2 URL gets them unless it sets them itself:
 * <ul>
 * <li>{@code WRITE_DELAY=0} on a database in a file: each commit is written to the file before it returns.
 * H2's default holds commits back for up to half a second, and a process killed meanwhile ({@code kill -9},
 * the OOM killer) loses what it had already acknowledged: webhooks answered 2xx, orders confirmed to the
 * caller. {@code CrashSafetyTest} kills the JVM mid-stream on the shipped URL to prove it; without the
 * setting it loses acknowledged webhooks. A URL typed by hand (the README's {@code OFFRAMP_DB_URL}) need not
 * remember it.</li>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2 registers a JVM shutdown hook of its own that closes the database at
 * once on SIGTERM, beside Camel's graceful stop, and the work still in flight (an answer from an upstream
 * being written, a webhook's transaction, the delivery loop) then failed with "Database is already closed".
 * The bundle closes its pool itself when the context has stopped (after its routes), and H2 closes the
 * database with the last connection. A JVM that ends without the close (kill -9) reopens the file as after
 * any crash.</li>
 * </ul>
 */
public final class EmbeddedDatabaseUrl {

    private EmbeddedDatabaseUrl() {
    }

    /** The URL to open: an H2 URL with the two settings added where it does not set them; any other as given. */
    public static String asTheBundleOpensIt(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        String opened = url;
        if (!upper.startsWith("JDBC:H2:MEM:") && !upper.contains("WRITE_DELAY")) {
            opened += ";WRITE_DELAY=0";
        }
        if (!upper.contains("DB_CLOSE_ON_EXIT")) {
            opened += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return opened;
    }
}
