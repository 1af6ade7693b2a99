package dev.offramp.routes;

import org.junit.jupiter.api.Tag;

/** {@link PaymentDetailsMigrationContract} on PostgreSQL, in a fresh schema. */
@Tag("postgres")
class PostgresPaymentDetailsMigrationTest extends PaymentDetailsMigrationContract {

    PostgresPaymentDetailsMigrationTest() {
        super(DatabaseUnderTest.postgres("offramp_payment_details_migration"));
    }
}
