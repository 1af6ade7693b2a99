package dev.offramp.routes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** An empty database (or schema) for a contract that runs straight on JDBC, on H2 and on PostgreSQL. */
record DatabaseUnderTest(String url, String user) {

    /** A new H2 database in memory, in PostgreSQL mode as the bundle opens it; {@code name} shows in its URL. */
    static DatabaseUnderTest h2(String name) {
        return new DatabaseUnderTest("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa");
    }

    /** A fresh schema of the test PostgreSQL ({@link PostgresDatabase}). */
    static DatabaseUnderTest postgres(String schema) {
        return new DatabaseUnderTest(PostgresDatabase.freshSchema(schema), PostgresDatabase.USER);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
