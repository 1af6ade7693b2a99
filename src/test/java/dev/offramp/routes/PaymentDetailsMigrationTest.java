package dev.offramp.routes;

import java.util.UUID;

/** {@link PaymentDetailsMigrationContract} on H2 in PostgreSQL mode. */
class PaymentDetailsMigrationTest extends PaymentDetailsMigrationContract {

    private final String url = "jdbc:h2:mem:v12-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }
}
