package dev.offramp.routes;

/** {@link PaymentDetailsMigrationContract} on H2 in PostgreSQL mode. */
class PaymentDetailsMigrationTest extends PaymentDetailsMigrationContract {

    PaymentDetailsMigrationTest() {
        super(DatabaseUnderTest.h2("v12"));
    }
}
