package dev.offramp.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersTest {

    private final Users users = new Users();

    private static Map<String, Object> body(Object userRef, Object email) {
        Map<String, Object> body = new HashMap<>();
        body.put("user_ref", userRef);
        body.put("email", email);
        return body;
    }

    private static void refused(Runnable call, int status, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.getStatus()).isEqualTo(status);
            assertThat(p.getField()).isEqualTo(field);
        });
    }

    @Test
    void aUserRefIsEnoughAndAnEmailIsOptional() {
        assertThat(users.createRequest(body(" ref-1 ", null))).containsEntry("user_ref", "ref-1").containsEntry("email", null);
        assertThat(users.createRequest(body("ref-1", ""))).containsEntry("email", null);
        assertThat(users.createRequest(body("ref-1", "ada@example.com"))).containsEntry("email", "ada@example.com");
    }

    @Test
    void badShapesAre400NamingTheField() {
        refused(() -> users.createRequest(body(null, "a@b.co")), 400, "user_ref");
        refused(() -> users.createRequest(body(123, "a@b.co")), 400, "user_ref");
        refused(() -> users.createRequest(body("x".repeat(201), null)), 400, "user_ref");
        refused(() -> users.createRequest(body("bad\nref", null)), 400, "user_ref");
        refused(() -> users.createRequest(body("ref", "not-an-email")), 400, "email");
        refused(() -> users.createRequest(body("ref", 42)), 400, "email");
    }

    @Test
    void createdIs201FoundIs200AndAnotherEmailIs409() {
        Map<String, Object> row = Map.of("id", "u1", "user_ref", "ref-1", "email", "ada@example.com");
        assertThat(users.createStatus(row, body("ref-1", "ada@example.com"), 1)).isEqualTo(201);
        assertThat(users.createStatus(row, body("ref-1", "ADA@example.com"), 0)).isEqualTo(200);
        assertThat(users.createStatus(row, body("ref-1", null), 0)).isEqualTo(200);
        refused(() -> users.createStatus(row, body("ref-1", "grace@example.com"), 0), 409, "email");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theViewShowsTheAccountsLinkedAndTheKyc() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "u1");
        row.put("user_ref", "ref-1");
        row.put("email", null);
        row.put("created_at", Timestamp.valueOf("2026-01-02 03:04:05"));
        Map<String, Object> fresh = users.view(row);
        assertThat(fresh.get("accounts")).isEqualTo(java.util.Collections.singletonMap("unigox", null));
        assertThat((Map<String, Object>) fresh.get("kyc")).containsEntry("status", "not_started").containsEntry("provider_status", null)
                .containsEntry("rejection_reasons", List.of());

        row.put("unigox_user_uuid", "550e8400-e29b-41d4-a716-446655440000");
        row.put("unigox_linked_at", Timestamp.valueOf("2026-01-02 03:05:00"));
        row.put("kyc_status", "rejected");
        row.put("kyc_provider_status", "REJECTED");
        row.put("kyc_rejection_reasons", "[\"Document expired\"]");
        Map<String, Object> linked = users.view(row);
        assertThat((Map<String, Object>) ((Map<?, ?>) linked.get("accounts")).get("unigox"))
                .containsEntry("user_uuid", "550e8400-e29b-41d4-a716-446655440000").containsKey("linked_at");
        assertThat((Map<String, Object>) linked.get("kyc")).containsEntry("status", "rejected").containsEntry("provider_status", "REJECTED")
                .containsEntry("rejection_reasons", List.of("Document expired"));
    }

    @Test
    void unknownUsersAre404AndAnAccountTakenElsewhereIs409() {
        refused(() -> users.requireUser(null, "nobody", "user_id"), 404, "user_id");
        refused(() -> users.requireUser(null, "nobody", null), 404, null);
        refused(() -> users.requireLinked(Map.of("id", "u1"), "u1"), 409, null);
    }
}
