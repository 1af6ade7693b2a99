package dev.offramp.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.status.OrderStateMachine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stuck report of a reconciliation run. */
class StuckReportTest {

    final Reconciliation reconciliation = new Reconciliation(new OrderStateMachine());

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
