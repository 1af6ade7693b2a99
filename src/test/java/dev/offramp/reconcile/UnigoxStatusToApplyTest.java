package dev.offramp.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.status.OrderStateMachine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reconciliation sends to the status router for one fetched Unigox order. */
class UnigoxStatusToApplyTest {

    final Reconciliation reconciliation = new Reconciliation(new OrderStateMachine());

    @Test
    void aDifferentStatusIsAppliedAndTheSameOneIsNot() {
        assertThat(reconciliation.unigoxStatusToApply("crypto_received", Map.of("status", "completed"))).isEqualTo("completed");
        assertThat(reconciliation.unigoxStatusToApply("completed", Map.of("status", "completed"))).isNull();
        assertThat(reconciliation.unigoxStatusToApply("completed", null)).isNull();
        assertThat(reconciliation.unigoxStatusReason("crypto_received", Map.of("status", "completed"))).isNull();
    }

    @Test
    void aRefundWeAuthorizedThatUnigoxNoLongerOffersIsRefunded() {
        Map<String, Object> settled = Map.of("status", "cancelled", "allowed_actions", List.of());
        assertThat(reconciliation.unigoxStatusToApply("refund_pending", settled)).isEqualTo("refunded");
        assertThat(reconciliation.unigoxStatusReason("refund_pending", settled)).contains("no longer offers authorize-refund");
    }

    @Test
    void aRefundStillOfferedOrNeverAuthorizedIsNotInferred() {
        Map<String, Object> owed = Map.of("status", "cancelled", "allowed_actions", List.of("authorize-refund"));
        // Unigox offers it again: cancelled goes to the router, which keeps our refund_pending (forward only)
        assertThat(reconciliation.unigoxStatusToApply("refund_pending", owed)).isEqualTo("cancelled");
        // we never authorized a refund: a cancelled order that owes nothing stays cancelled
        assertThat(reconciliation.unigoxStatusToApply("cancelled", Map.of("status", "cancelled", "allowed_actions", List.of())))
                .isNull();
    }

    @Test
    void theStuckReportKeepsMoneyInEscrowApart() {
        var report = reconciliation.stuckReport(List.of(
                Map.of("id", "a", "report", "money_in_escrow", "since", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600))),
                Map.of("id", "b", "report", "stuck", "since", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(7200)))), 60);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> escrow = (List<Map<String, Object>>) report.get("money_in_escrow");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stuck = (List<Map<String, Object>>) report.get("stuck");
        assertThat(escrow).extracting(o -> o.get("id")).containsExactly("a");
        assertThat((Long) escrow.get(0).get("age_minutes")).isBetween(9L, 11L);
        assertThat(stuck).extracting(o -> o.get("id")).containsExactly("b");
        assertThat((Long) stuck.get(0).get("age_minutes")).isBetween(119L, 121L);
    }
}
