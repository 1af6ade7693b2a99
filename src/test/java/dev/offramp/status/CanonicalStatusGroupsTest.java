package dev.offramp.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalStatusGroupsTest {

    @Test
    void theGroupsTheSideEffectsRouteTestsAreTheOnesItUsedToSpellOut() {
        OrderStateMachine machine = new OrderStateMachine();
        assertThat(machine.finishedStatuses().split(",")).containsExactlyInAnyOrder("completed", "refunded");
        assertThat(machine.statusesNeedingAttention().split(","))
                .containsExactlyInAnyOrder("failed", "cancelled", "expired", "disputed", "on_hold");
    }

    @Test
    void noStatusIsBothFinishedAndNeedingAttention() {
        assertThat(CanonicalStatus.FINISHED).doesNotContainAnyElementsOf(CanonicalStatus.NEEDING_ATTENTION);
    }
}
