package dev.offramp.routes;

/** {@link UsersMigrationContract} on H2 in PostgreSQL mode. */
class UsersMigrationTest extends UsersMigrationContract {

    UsersMigrationTest() {
        super(DatabaseUnderTest.h2("v9"));
    }
}
