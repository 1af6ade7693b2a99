package dev.offramp.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself: it must see a wrong request or answer, and let a right one and the control paths pass. */
class UnigoxContractTest {

    final UnigoxContract contract = UnigoxContract.get();

    static SandboxRequest post(String path, String json) {
        return new SandboxRequest("POST", path, "", Map.of("content-type", "application/json", "x-api-key", "k"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    static final SandboxResponse USER = SandboxResponse.json(201,
            "{\"success\":true,\"data\":{\"user_uuid\":\"550e8400-e29b-41d4-a716-446655440000\"}}");

    @Test
    void aRequestAndAnswerAsDocumentedPass() {
        assertThat(contract.violations(post("/api/v1/partner/users", "{\"user_ref\":\"u-1\",\"email\":\"a@example.com\"}"), USER, false))
                .isEmpty();
    }

    @Test
    void aWrongFieldNameInTheRequestIsAViolation() {
        assertThat(contract.violations(post("/api/v1/partner/users", "{\"userRef\":\"u-1\",\"email\":\"a@example.com\"}"), USER, false))
                .isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("request POST /api/v1/partner/users"))
                .anySatisfy(v -> assertThat(v).contains("userRef"));
    }

    @Test
    void aPathTheContractDoesNotHaveIsAViolation() {
        assertThat(contract.violations(post("/users", "{\"user_ref\":\"u-1\"}"), USER, false)).isNotEmpty();
    }

    @Test
    void anArmedFaultsAnswerIsNotCheckedButItsRequestIs() {
        SandboxResponse fault = SandboxResponse.json(500, "not json");
        assertThat(contract.violations(post("/api/v1/partner/users", "{\"user_ref\":\"u-1\",\"email\":\"a@example.com\"}"), fault, true))
                .isEmpty();
        assertThat(contract.violations(post("/api/v1/partner/users", "{\"userRef\":\"u-1\"}"), fault, true)).isNotEmpty();
    }

    @Test
    void theSimulatorsControlPathsAreNotPartOfTheContract() {
        assertThat(contract.violations(post("/_sandbox/faults", "{\"path\":\"*\"}"), SandboxResponse.json(200, "{}"), false)).isEmpty();
    }
}
