package dev.offramp.routes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The local PostgreSQL the "postgres" test group runs against (127.0.0.1:5432, database test,
 * trust auth; override with -Dofframp.test.pg.url / .user). Each test class gets a fresh schema.
 * Unreachable PostgreSQL fails the class: these tests never skip.
 */
final class PostgresDatabase {

    static final String BASE_URL = System.getProperty("offramp.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("offramp.test.pg.user", "postgres");

    private PostgresDatabase() {
    }

    /** Drops and creates {@code schema}; answers the JDBC URL whose connections use it. */
    static String freshSchema(String schema) {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL at " + BASE_URL + " is required by the postgres test group: " + e.getMessage(), e);
        }
        return BASE_URL + "?currentSchema=" + schema;
    }
}
