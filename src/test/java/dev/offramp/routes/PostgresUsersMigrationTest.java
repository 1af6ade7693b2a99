package dev.offramp.routes;

import org.junit.jupiter.api.Tag;

/** {@link UsersMigrationContract} on PostgreSQL, in a fresh schema. */
@Tag("postgres")
class PostgresUsersMigrationTest extends UsersMigrationContract {

    private final String url = PostgresDatabase.freshSchema("offramp_users_migration");

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return PostgresDatabase.USER;
    }
}
