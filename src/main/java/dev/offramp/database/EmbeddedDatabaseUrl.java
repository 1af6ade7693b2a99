package dev.offramp.database;

import java.util.Locale;

/**
 * The order store's JDBC URL as the bundle opens it. An H2 database registers a JVM shutdown hook of its
 * own that closes it at once on SIGTERM, beside Camel's graceful stop: the work still in flight (an answer
 * from an upstream being written, a webhook's transaction, the delivery loop) then failed with "Database is
 * already closed". The bundle closes its pool itself when the context has stopped (after its routes), and
 * H2 closes the database with the last connection, so for H2 the shutdown hook is turned off
 * ({@code DB_CLOSE_ON_EXIT=FALSE}) unless the URL says otherwise. Commits are not held back by this:
 * {@code WRITE_DELAY=0} in the embedded URL writes each one to the file before it returns, and a JVM that
 * ends without the close (kill -9) reopens the file as after any crash.
 */
public final class EmbeddedDatabaseUrl {

    private EmbeddedDatabaseUrl() {
    }

    /** The URL to open: an H2 URL closed by the bundle rather than by H2's shutdown hook; any other as given. */
    public static String closedByTheBundle(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())
                || url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
