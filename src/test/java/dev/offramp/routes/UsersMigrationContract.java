package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.users.Kyc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V9 on rows written before it: every user was linked to Unigox at creation and kept Unigox's raw KYC
 * value. Run on H2 ({@link UsersMigrationTest}) and PostgreSQL ({@link PostgresUsersMigrationTest}).
 */
abstract class UsersMigrationContract {

    private final DatabaseUnderTest database;

    UsersMigrationContract(DatabaseUnderTest database) {
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

    private Map<String, Object> user(String id) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM users WHERE id = '" + id + "'")) {
            rs.next();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
            }
            return row;
        }
    }

    @Test
    void existingUsersKeepTheirAccountAndGetOurKycVocabulary() throws Exception {
        flyway("8").migrate();
        execute("INSERT INTO users (id, user_ref, email, unigox_user_uuid, kyc_status, kyc_rejection_reasons) VALUES "
                + "('u1', 'r1', 'a@example.com', 'uuid-1', 'VERIFICATION_REJECTED', NULL), "
                + "('u2', 'r2', 'b@example.com', 'uuid-2', 'REJECTED', 'Document expired; Photo \"quality\" low'), "
                + "('u3', 'r3', 'c@example.com', 'uuid-3', 'VERIFIED', NULL), "
                + "('u4', 'r4', 'd@example.com', 'uuid-4', 'rejected', NULL), "
                + "('u5', 'r5', 'e@example.com', 'uuid-5', 'SOMETHING_NEW', NULL), "
                + "('u6', 'r6', 'f@example.com', NULL, NULL, NULL)");

        flyway(null).migrate();

        assertThat(user("u1")).containsEntry("kyc_status", "rejected").containsEntry("kyc_provider_status", "VERIFICATION_REJECTED");
        assertThat(user("u1").get("unigox_linked_at")).isNotNull();
        assertThat(user("u2")).containsEntry("kyc_status", "rejected").containsEntry("kyc_provider_status", "REJECTED");
        assertThat(Kyc.reasons(user("u2").get("kyc_rejection_reasons"))).containsExactly("Document expired", "Photo \"quality\" low");
        assertThat(user("u3")).containsEntry("kyc_status", "verified");
        assertThat(user("u4")).containsEntry("kyc_status", "rejected").containsEntry("kyc_provider_status", "rejected");
        assertThat(user("u5")).containsEntry("kyc_status", "unknown").containsEntry("kyc_provider_status", "SOMETHING_NEW");
        assertThat(user("u6")).containsEntry("kyc_status", null).containsEntry("unigox_linked_at", null);
        assertThatThrownBy(() -> execute("UPDATE users SET kyc_status = 'VERIFIED' WHERE id = 'u3'"))
                .as("only our vocabulary fits the column").hasMessageContaining("ck_users_kyc_status");
    }
}
