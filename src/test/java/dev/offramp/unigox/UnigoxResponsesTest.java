package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.offramp.http.ApiProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnigoxResponsesTest {

    final UnigoxResponses responses = new UnigoxResponses();

    @Test
    void successEnvelopeAnswersItsData() {
        assertThat(responses.data(201, "{\"success\":true,\"data\":{\"user_uuid\":\"u-1\"}}")).isEqualTo(Map.of("user_uuid", "u-1"));
        assertThat(responses.data(200, "{\"success\":true,\"data\":[1,2]}")).isEqualTo(List.of(1, 2));
    }

    @Test
    void partnerEnvelopeKeepsCodeAndDetailsAndItsConflictStatus() {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> responses.data(409,
                "{\"success\":false,\"error\":{\"code\":\"PRICE_CHANGED_REQUOTE\",\"message\":\"Price changed\","
                        + "\"details\":{\"quoted_rate\":\"1530.00\",\"current_rate\":\"1520.00\",\"fiat_difference\":\"-10.00\"}}}"));
        assertThat(p.getStatus()).isEqualTo(409);
        assertThat(p.getCode()).isEqualTo("price_changed_requote");
        assertThat(p.getUpstream()).containsEntry("code", "PRICE_CHANGED_REQUOTE").containsEntry("status", 409)
                .containsEntry("details", Map.of("quoted_rate", "1530.00", "current_rate", "1520.00", "fiat_difference", "-10.00"));
    }

    @Test
    void kycNotClearedStays422() {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> responses.data(422,
                "{\"success\":false,\"error\":{\"code\":\"KYC_NOT_CLEARED\",\"message\":\"KYC not cleared\",\"details\":{\"kyc_status\":\"IN_PROGRESS\"}}}"));
        assertThat(p.getStatus()).isEqualTo(422);
        assertThat(p.getCode()).isEqualTo("kyc_not_cleared");
    }

    @Test
    void legacyEnvelopeKeepsTheErrorKey() {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> responses.data(400,
                "{\"success\":false,\"data\":{\"error_key\":\"underage_not_allowed\"}}"));
        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getCode()).isEqualTo("underage_not_allowed");
        assertThat(p.getUpstream()).containsEntry("code", "underage_not_allowed");
    }

    @Test
    void freeTextLegacyKeyBecomesAReadableCode() {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> responses.data(400,
                "{\"success\":false,\"data\":{\"error_key\":\"webhook URL is not set\"}}"));
        assertThat(p.getCode()).isEqualTo("webhook_url_is_not_set");
    }

    @ParameterizedTest
    @CsvSource({"500, 502, upstream_error", "503, 502, upstream_error", "401, 502, upstream_error", "429, 503, upstream_rate_limited"})
    void upstreamFaultsAreNotTheCallersFault(int upstream, int ours, String code) {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> responses.data(upstream,
                "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}}"));
        assertThat(p.getStatus()).isEqualTo(ours);
        assertThat(p.getCode()).isEqualTo(code);
        assertThat(p.getUpstream()).containsEntry("status", upstream);
    }

    @Test
    void unreadableBodyIsA502WithoutTheBody() {
        ApiProblem p = catchThrowableOfType(ApiProblem.class, () -> responses.data(500, "<html>secret stack</html>"));
        assertThat(p.getStatus()).isEqualTo(502);
        assertThat(p.getMessage()).doesNotContain("secret");
        // a 200 whose body is there but not the envelope (an empty one is documented: see below)
        assertThatThrownBy(() -> responses.data(200, "<html>ok</html>")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void successStatusWithAFailureEnvelopeIsStillAnError() {
        assertThatThrownBy(() -> responses.data(200, "{\"success\":false,\"data\":{\"error_key\":\"unauthorized\"}}"))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void failureNamesTheAnswerCodeAndUpstreamCodeButNotItsMessage() {
        assertThat(responses.failure(200, "{\"success\":true,\"data\":{}}", null)).isNull();
        assertThat(responses.failure(401, "{\"success\":false,\"data\":{\"error_key\":\"unauthorized\",\"message\":\"key abc\"}}", null))
                .isEqualTo("HTTP 401 unauthorized");
        assertThat(responses.failure(500, "{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"db down\"}}", null))
                .isEqualTo("HTTP 500 INTERNAL_ERROR");
        assertThat(responses.failure(502, "<html>gateway</html>", null)).isEqualTo("HTTP 502");
        assertThat(responses.failure(null, null, "timeout")).isEqualTo("timeout");
    }

    /** The OpenAPI documents the order actions' 200 without a body: that is a success, not a 502. */
    @Test
    void aSuccessWithoutBodyIsASuccessWithoutData() {
        assertThat(responses.data(200, "")).isEqualTo(Map.of());
        assertThat(responses.data(200, null, null)).isEqualTo(Map.of());
        assertThat(responses.failure(200, "", null)).isNull();
        assertThatThrownBy(() -> responses.data(500, "")).isInstanceOf(ApiProblem.class);
    }
}
