package dev.offramp.routes;

import org.junit.jupiter.api.Tag;

/** {@link UsersMigrationContract} on PostgreSQL, in a fresh schema. */
@Tag("postgres")
class PostgresUsersMigrationTest extends UsersMigrationContract {

    PostgresUsersMigrationTest() {
        super(DatabaseUnderTest.postgres("offramp_users_migration"));
    }
}
