package dev.offramp.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The order store: a connection pool on a schema Flyway has brought up to date, opened and migrated on a
 * thread of its own while the rest of the bundle starts. Done on the main thread, opening the pool and
 * running Flyway took about 0.45 s of a 3.3 s start-up (BENCHMARKS.md, session 5).
 *
 * <p>Every use waits until the migration has finished, so nothing reads or writes a schema that is still
 * being migrated. If the pool cannot be opened or the migration fails, every use fails with that cause,
 * and so does start-up: {@link #awaitReady()} is called before any route starts.
 */
public final class MigratedDataSource implements DataSource, AutoCloseable {

    private final CompletableFuture<HikariDataSource> ready;

    private MigratedDataSource(CompletableFuture<HikariDataSource> ready) {
        this.ready = ready;
    }

    /** Starts opening the pool and migrating it (Flyway, {@code migrations}: e.g. classpath:db/migration). */
    public static MigratedDataSource openInBackground(HikariConfig pool, String migrations) {
        CompletableFuture<HikariDataSource> ready = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                ready.complete(openAndMigrate(pool, migrations));
            } catch (Throwable e) {
                ready.completeExceptionally(e);
            }
        }, "offramp-db-open");
        // Not a daemon: if start-up fails elsewhere meanwhile, the JVM exits only after the migration has
        // finished (on H2 a migration's DDL is not transactional; one cut short could not be run again).
        opener.start();
        return new MigratedDataSource(ready);
    }

    private static HikariDataSource openAndMigrate(HikariConfig pool, String migrations) {
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            Flyway.configure().dataSource(dataSource).locations(migrations).load().migrate();
            return dataSource;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Waits until the schema is up to date.
     *
     * @throws IllegalStateException when the database could not be opened or migrated, with that cause
     */
    public DataSource awaitReady() {
        try {
            return ready.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("The order store could not be opened and migrated: " + cause.getMessage(), cause);
        }
    }

    /**
     * Closes the pool once it is open (waiting for an opening under way: a migration is never cut short).
     * Called when the Camel context stops: without it every context started in one JVM (the tests) kept
     * its connections, and PostgreSQL ran out of them.
     */
    @Override
    public void close() {
        try {
            ready.join().close();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // never opened: nothing to close
        }
    }

    private DataSource pool() throws SQLException {
        try {
            return awaitReady();
        } catch (IllegalStateException e) {
            throw new SQLException(e.getMessage(), e.getCause());
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool().isWrapperFor(iface);
    }
}
