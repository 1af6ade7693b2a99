package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboundHeaderRuleTest {

    @Test
    void aRealHeaderIsAdmittedOncePerValueAndAQueryParameterOfTheSameNameNever() {
        List<String> sent = List.of("k1");
        assertThat(InboundHeaderRule.admit("X-API-Key", sent, Set.of("X-API-Key"), List.of(), 0)).isTrue();
        // the same name offered again, as ?X-API-Key=...: the header's value is already in
        assertThat(InboundHeaderRule.admit("X-API-Key", sent, Set.of("X-API-Key"), List.of(), 1)).isFalse();
        assertThat(InboundHeaderRule.admit("Accept", List.of("a", "b"), Set.of(), List.of(), 1)).isTrue();
        assertThat(InboundHeaderRule.admit("Accept", List.of("a", "b"), Set.of(), List.of(), 2)).isFalse();
    }

    @Test
    void aQueryParameterIsNeverAdmitted() {
        for (String name : List.of("X-API-Key", "Idempotency-Key", "X-Correlation-Id", "Content-Type", "id", "status", "Set-Cookie")) {
            assertThat(InboundHeaderRule.admit(name, List.of(), Set.of(name), List.of(), 0)).as(name).isFalse();
        }
    }

    @Test
    void aFormFieldIsAdmittedOnlyUnderAFormName() {
        assertThat(InboundHeaderRule.admit("document_type", List.of(), Set.of(), List.of("selfie"), 0)).isTrue();
        assertThat(InboundHeaderRule.admit("document_type", List.of(), Set.of(), List.of("selfie"), 1)).isFalse();
        // the same name in the query as well: which one was meant is not ours to guess
        assertThat(InboundHeaderRule.admit("document_type", List.of(), Set.of("document_type"), List.of("selfie"), 0)).isFalse();
        // header-like names and the path parameter are never form fields
        assertThat(InboundHeaderRule.admit("X-API-Key", List.of(), Set.of(), List.of("k"), 0)).isFalse();
        assertThat(InboundHeaderRule.admit("idempotency-key", List.of(), Set.of(), List.of("k"), 0)).isFalse();
        assertThat(InboundHeaderRule.admit("id", List.of(), Set.of(), List.of("a", "b"), 1)).isFalse();
        assertThat(InboundHeaderRule.admit("authorization", List.of(), Set.of(), List.of("Bearer x"), 0)).isFalse();
        assertThat(InboundHeaderRule.admit("cookie", List.of(), Set.of(), List.of("a=b"), 0)).isFalse();
    }
}
