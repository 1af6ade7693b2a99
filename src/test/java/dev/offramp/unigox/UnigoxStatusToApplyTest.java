package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reconciliation sends to the status router for one fetched Unigox order. */
class UnigoxStatusToApplyTest {

    final UnigoxReconcileListing listing = new UnigoxReconcileListing(new UnigoxOrderDetails(Clock.systemUTC()));

    @Test
    void aDifferentStatusIsAppliedAndTheSameOneIsNot() {
        assertThat(listing.statusToApply("crypto_received", Map.of("status", "completed"))).isEqualTo("completed");
        assertThat(listing.statusToApply("completed", Map.of("status", "completed"))).isNull();
        assertThat(listing.statusToApply("completed", null)).isNull();
        assertThat(listing.statusReason("crypto_received", Map.of("status", "completed"))).isNull();
    }

    @Test
    void aRefundWeAuthorizedThatUnigoxNoLongerOffersIsRefunded() {
        Map<String, Object> settled = Map.of("status", "cancelled", "allowed_actions", List.of());
        assertThat(listing.statusToApply("refund_pending", settled)).isEqualTo("refunded");
        assertThat(listing.statusReason("refund_pending", settled)).contains("no longer offers authorize-refund");
    }

    @Test
    void aRefundStillOfferedOrNeverAuthorizedIsNotInferred() {
        Map<String, Object> owed = Map.of("status", "cancelled", "allowed_actions", List.of("authorize-refund"));
        // Unigox offers it again: cancelled goes to the router, which keeps our refund_pending (forward only)
        assertThat(listing.statusToApply("refund_pending", owed)).isEqualTo("cancelled");
        // we never authorized a refund: a cancelled order that owes nothing stays cancelled
        assertThat(listing.statusToApply("cancelled", Map.of("status", "cancelled", "allowed_actions", List.of())))
                .isNull();
    }
}
