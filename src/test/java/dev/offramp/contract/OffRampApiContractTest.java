package dev.offramp.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check of real traffic itself: it must see a wrong answer or an accepted wrong request, and let right ones pass. */
class OffRampApiContractTest {

    final OffRampApiContract contract = OffRampApiContract.get();

    static final String USER_ID = "0920b265-1111-4222-8333-444455556666";
    static final String USER = "{\"id\":\"" + USER_ID + "\",\"user_ref\":\"u-1\",\"email\":null,\"created_at\":\"2026-12-04T19:40:11.120Z\","
            + "\"accounts\":{\"unigox\":null},\"kyc\":{\"status\":\"not_started\",\"provider\":\"unigox\",\"provider_status\":null,"
            + "\"rejection_reasons\":[]}}";
    static final String ERROR = "{\"error\":{\"code\":\"invalid_field\",\"message\":\"user_ref is required\",\"field\":\"user_ref\",\"upstream\":null}}";

    static OffRampApiContract.Exchange exchange(String method, String path, String query, String requestBody, String apiKey,
            int status, String responseBody) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (apiKey != null) {
            headers.put("X-API-Key", List.of(apiKey));
        }
        if (requestBody != null) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return new OffRampApiContract.Exchange(method, path, query, headers,
                requestBody == null ? null : requestBody.getBytes(StandardCharsets.UTF_8),
                status, Map.of("Content-Type", List.of("application/json")), responseBody);
    }

    @Test
    void aRequestAndAnswerAsDocumentedPass() {
        assertThat(contract.violations(exchange("POST", "/api/v1/users", null, "{\"user_ref\":\"u-1\"}", "k", 201, USER))).isEmpty();
        assertThat(contract.violations(exchange("GET", "/api/v1/users/" + USER_ID, null, null, "k", 200, USER))).isEmpty();
    }

    @Test
    void anAnswerWithAFieldTheContractDoesNotHaveIsAViolation() {
        String camel = USER.replace("\"user_ref\"", "\"userRef\"");
        assertThat(contract.violations(exchange("GET", "/api/v1/users/" + USER_ID, null, null, "k", 200, camel)))
                .isNotEmpty().anySatisfy(v -> assertThat(v).startsWith("answer 200 to GET /api/v1/users/").contains("userRef"));
    }

    @Test
    void anUndeclaredSuccessStatusIsAViolation() {
        // a 200 where the contract says 201 or 200 is fine; a 204 is declared nowhere, so the default (the error) must match
        assertThat(contract.violations(exchange("POST", "/api/v1/users", null, "{\"user_ref\":\"u-1\"}", "k", 204, USER))).isNotEmpty();
    }

    @Test
    void anErrorThatIsNotTheOneErrorObjectIsAViolation() {
        assertThat(contract.violations(exchange("GET", "/api/v1/users/" + USER_ID, null, null, "k", 404, "{\"message\":\"nope\"}"))).isNotEmpty();
        assertThat(contract.violations(exchange("GET", "/api/v1/users/" + USER_ID, null, null, "k", 404, ERROR))).isEmpty();
    }

    @Test
    void aRequestTheBundleRefusedIsNotHeldToTheContractButOneItAcceptedIs() {
        assertThat(contract.violations(exchange("POST", "/api/v1/users", null, "{\"userRef\":\"u-1\"}", "k", 400, ERROR))).isEmpty();
        assertThat(contract.violations(exchange("POST", "/api/v1/users", null, "{\"userRef\":\"u-1\"}", "k", 201, USER)))
                .isNotEmpty().anySatisfy(v -> assertThat(v).startsWith("request POST /api/v1/users"));
        assertThat(contract.violations(exchange("GET", "/api/v1/orders", "status=nearly_done", null, "k", 200,
                "{\"orders\":[],\"pagination\":{\"page\":1,\"limit\":20,\"total_count\":0,\"total_pages\":0}}")))
                .as("a status the contract does not have, accepted").isNotEmpty();
        assertThat(contract.violations(exchange("GET", "/api/v1/orders", "colour=red", null, "k", 200,
                "{\"orders\":[],\"pagination\":{\"page\":1,\"limit\":20,\"total_count\":0,\"total_pages\":0}}")))
                .as("a query parameter the contract does not name is ignored, as the bundle ignores it").isEmpty();
        assertThat(contract.violations(exchange("GET", "/api/v1/orders", null, null, null, 200,
                "{\"orders\":[],\"pagination\":{\"page\":1,\"limit\":20,\"total_count\":0,\"total_pages\":0}}")))
                .as("answered without the key").isNotEmpty();
    }

    @Test
    void anOperationTheContractLacksMayOnlyAnswerTheJsonErrorOf404Or405Or406() {
        assertThat(contract.violations(exchange("GET", "/api/v1/nope", null, null, "k", 404, ERROR))).isEmpty();
        assertThat(contract.violations(exchange("DELETE", "/api/v1/orders", null, null, "k", 405, ERROR))).isEmpty();
        assertThat(contract.violations(exchange("GET", "/api/v1/nope", null, null, "k", 200, "{}")))
                .singleElement().satisfies(v -> assertThat(v).contains("no such operation"));
        assertThat(contract.violations(exchange("GET", "/api/v1/nope", null, null, "k", 404, "<html>not found</html>"))).isNotEmpty();
    }

    @Test
    void pathsOutsideTheApiAreNotPartOfIt() {
        assertThat(contract.violations(exchange("GET", "/sandbox/events/received", null, null, null, 200, "{\"received\":[]}"))).isEmpty();
        assertThat(contract.violations(exchange("GET", "/admin/dead-letters", null, null, "k", 200, "[]"))).isEmpty();
    }
}
