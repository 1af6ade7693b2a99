package dev.offramp.routes;

import org.junit.jupiter.api.Tag;

/** {@link PaymentDetailsMigrationContract} on PostgreSQL, in a fresh schema. */
@Tag("postgres")
class PostgresPaymentDetailsMigrationTest extends PaymentDetailsMigrationContract {

    private final String url = PostgresDatabase.freshSchema("offramp_payment_details_migration");

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return PostgresDatabase.USER;
    }
}
