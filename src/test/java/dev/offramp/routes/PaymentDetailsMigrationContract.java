package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V12 on payment details written before it: each stays, not deleted, and can be marked deleted while the
 * quote that names it stays. Run on H2 ({@link PaymentDetailsMigrationTest}) and PostgreSQL
 * ({@link PostgresPaymentDetailsMigrationTest}).
 */
abstract class PaymentDetailsMigrationContract {

    private final DatabaseUnderTest database;

    PaymentDetailsMigrationContract(DatabaseUnderTest database) {
        this.database = database;
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(database.url(), database.user(), "").locations("classpath:db/migration");
        return (target == null ? config : config.target(target)).load();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Object deletedAt(String id) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT deleted_at FROM payment_details WHERE id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1);
        }
    }

    @Test
    void existingPaymentDetailsStayUndeletedAndADeletedOneKeepsItsQuote() throws Exception {
        flyway("9").migrate();
        execute("INSERT INTO users (id, user_ref, email) VALUES ('u1', 'r1', 'a@example.com')");
        execute("INSERT INTO payment_details (id, user_id, provider, provider_payment_details_id) VALUES "
                + "('p1', 'u1', 'unigox', '1001'), ('p2', 'u1', 'unigox', '1002')");
        execute("INSERT INTO unigox_quotes (quote_id, user_id, payment_details_id, crypto_currency, fiat_currency) "
                + "VALUES ('q1', 'u1', 'p2', 'USDT', 'EUR')");

        flyway(null).migrate();

        assertThat(deletedAt("p1")).isNull();
        assertThat(deletedAt("p2")).isNull();
        execute("UPDATE payment_details SET deleted_at = CURRENT_TIMESTAMP WHERE id = 'p2'");
        assertThat(deletedAt("p2")).isNotNull();
        assertThat(deletedAt("p1")).isNull();
    }
}
