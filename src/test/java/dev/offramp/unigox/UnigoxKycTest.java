package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.users.Kyc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnigoxKycTest {

    private final UnigoxKyc kyc = new UnigoxKyc();

    @Test
    void everyValueUnigoxDocumentsHasOneOfOurs() {
        assertThat(kyc.status("NOT_INITIATED")).isEqualTo("not_started");
        assertThat(kyc.status("PENDING_DOCUMENTS")).isEqualTo("pending_documents");
        assertThat(kyc.status("IN_PROGRESS")).isEqualTo("in_progress");
        assertThat(kyc.status("UNDER_REVIEW")).isEqualTo("under_review");
        assertThat(kyc.status("VERIFIED")).isEqualTo("verified");
        assertThat(kyc.status("FAILED")).isEqualTo("failed");
    }

    @Test
    void theApiAndTheWebhookNameARejectionDifferentlyAndBothAreRejected() {
        assertThat(kyc.status("VERIFICATION_REJECTED")).isEqualTo("rejected");
        assertThat(kyc.status("REJECTED")).isEqualTo("rejected");
        // the contract's prose writes the webhook values in lower case too
        assertThat(kyc.status("rejected")).isEqualTo("rejected");
        assertThat(kyc.status(" verified ")).isEqualTo("verified");
    }

    @Test
    void anythingElseIsUnknownAndNothingIsNull() {
        assertThat(kyc.status("SOMETHING_NEW")).isEqualTo("unknown");
        assertThat(kyc.status(null)).isNull();
        assertThat(kyc.status("  ")).isNull();
    }

    @Test
    void reasonsAreKeptAsAJsonArrayOnlyWithARejectionOrAFailure() {
        assertThat(kyc.rejectionReasons("REJECTED", List.of("Document expired", "Photo quality low")))
                .isEqualTo("[\"Document expired\",\"Photo quality low\"]");
        assertThat(kyc.rejectionReasons("VERIFICATION_REJECTED", "[\"a; b\",\"c\"]")).isEqualTo("[\"a; b\",\"c\"]");
        assertThat(kyc.rejectionReasons("FAILED", "one reason")).isEqualTo("[\"one reason\"]");
        assertThat(kyc.rejectionReasons("IN_PROGRESS", List.of("Verification in progress"))).isNull();
        assertThat(kyc.rejectionReasons("VERIFIED", null)).isNull();
        assertThat(kyc.rejectionReasons("REJECTED", List.of())).isNull();
    }

    @Test
    void reasonsTooLongForTheColumnAreCutNotRefused() {
        String many = kyc.rejectionReasons("REJECTED", java.util.Collections.nCopies(200, "x".repeat(50)));
        assertThat(many.length()).isLessThanOrEqualTo(Kyc.MAX_REASONS_JSON);
        assertThat(Kyc.reasons(many)).hasSizeLessThan(200).allMatch(r -> r.equals("x".repeat(50)));
        String one = kyc.rejectionReasons("REJECTED", List.of("\"".repeat(5000)));
        assertThat(one.length()).isLessThanOrEqualTo(Kyc.MAX_REASONS_JSON);
        assertThat(Kyc.reasons(one)).hasSize(1);
    }

    @Test
    void storedReasonsReadBackAsAList() {
        assertThat(Kyc.reasons("[\"a\",\"b\"]")).containsExactly("a", "b");
        assertThat(Kyc.reasons(null)).isEmpty();
        assertThat(Kyc.reasons("[not json")).containsExactly("[not json");
    }

    @Test
    void anAnswerSpeaksOurVocabularyWithUnigoxsValueBeside() {
        Map<String, Object> answer = kyc.answer(Map.of("status", "VERIFICATION_REJECTED", "provider_messages", List.of("Document expired"),
                "verification_url", "https://verify.example.com/x"), "status", "provider_messages");
        assertThat(answer).containsEntry("status", "rejected").containsEntry("provider_status", "VERIFICATION_REJECTED")
                .containsEntry("rejection_reasons", List.of("Document expired"))
                .containsEntry("verification_url", "https://verify.example.com/x");

        Map<String, Object> submitted = kyc.answer(Map.of("kyc_status", "IN_PROGRESS", "message", "PII data accepted"), "kyc_status", null);
        assertThat(submitted).containsEntry("status", "in_progress").containsEntry("provider_status", "IN_PROGRESS")
                .containsEntry("rejection_reasons", List.of()).containsEntry("message", "PII data accepted")
                .doesNotContainKey("kyc_status");
    }
    @Test
    void readinessSaysWhatIsMissingInSnakeCase() {
        Map<String, Object> notReady = kyc.readiness(Map.of("ready", false, "missing", List.of("identity_document", "selfie"),
                "message", "Missing required items"));
        assertThat(notReady).containsEntry("ready", false).containsEntry("status", null).containsEntry("provider_status", null)
                .containsEntry("missing", List.of("identity_document", "selfie")).containsEntry("message", "Missing required items");
        Map<String, Object> started = kyc.readiness(Map.of("ready", true, "status", "IN_PROGRESS", "message", "Verification started."));
        assertThat(started).containsEntry("ready", true).containsEntry("status", Kyc.IN_PROGRESS)
                .containsEntry("provider_status", "IN_PROGRESS").containsEntry("missing", List.of());
        assertThat(kyc.readiness(Map.of("ready", true, "status", "VERIFIED"))).containsEntry("status", Kyc.VERIFIED);
    }

    @Test
    void anUpdateAnswersTheUserWithTheUpdatedFields() {
        Map<String, Object> user = Map.of("id", "u-1", "kyc", Map.of("status", "verified"));
        assertThat(kyc.updated(user, Map.of("updated_fields", List.of("address", "city"), "message", "ok")))
                .containsEntry("id", "u-1").containsEntry("kyc", Map.of("status", "verified"))
                .containsEntry("updated_fields", List.of("address", "city")).doesNotContainKey("message");
        assertThat(kyc.updated(user, Map.of())).containsEntry("updated_fields", List.of());
    }
}
