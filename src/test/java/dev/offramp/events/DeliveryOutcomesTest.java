package dev.offramp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryOutcomesTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    final DeliveryOutcomes outcomes = new DeliveryOutcomes("0s,5s,5m", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void twoHundredsAreDeliveredAndTheScheduleSaysWhenToRetry() {
        assertThat(outcomes.outcome(0, 204, null, null)).containsEntry("status", "delivered").containsEntry("last_status", 204);
        Map<String, Object> first = outcomes.outcome(0, 500, null, null);
        assertThat(first).containsEntry("status", "pending").containsEntry("last_error", "HTTP 500")
                .containsEntry("next_attempt_at", Timestamp.from(NOW.plusSeconds(5)));
        assertThat(outcomes.outcome(1, null, null, "ConnectException"))
                .containsEntry("next_attempt_at", Timestamp.from(NOW.plus(Duration.ofMinutes(5))))
                .containsEntry("last_error", "ConnectException");
        assertThat(outcomes.outcome(2, 500, null, null)).containsEntry("status", "failed");
        // a replay's last attempt, far past the schedule's end
        assertThat(outcomes.outcome(1_000_000, 503, null, null)).containsEntry("status", "failed");
    }

    @Test
    void aBatchIsClaimedUnderOneTokenOfItsOwn() {
        List<Map<String, Object>> due = List.of(Map.of("event_seq", 7L, "destination", "default"),
                Map.of("event_seq", 7L, "destination", "broker"), Map.of("event_seq", 9L, "destination", "default"));
        List<Map<String, Object>> claims = outcomes.claims(due, 60);
        assertThat(claims).hasSize(3);
        Object token = claims.get(0).get("claim_token");
        assertThat(claims).allSatisfy(c -> assertThat(c).containsEntry("claim_token", token)
                .containsEntry("claim_until", Timestamp.from(NOW.plusSeconds(60))));
        assertThat(claims.get(1)).containsEntry("event_seq", 7L).containsEntry("destination", "broker");
        // another batch, another token: what one instance claimed is never read back by another
        assertThat(outcomes.claims(due, 60).get(0).get("claim_token")).isNotEqualTo(token);
    }

    @Test
    void retryAfterIsHonouredOnlyWhereItMeansSomethingAndWithinReason() {
        assertThat(outcomes.outcome(0, 429, "120", null)).containsEntry("next_attempt_at", Timestamp.from(NOW.plusSeconds(120)));
        assertThat(outcomes.outcome(0, 500, "120", null)).containsEntry("next_attempt_at", Timestamp.from(NOW.plusSeconds(5)));
        assertThat(outcomes.outcome(0, 503, "999999", null))
                .containsEntry("next_attempt_at", Timestamp.from(NOW.plus(DeliveryOutcomes.MAX_RETRY_AFTER)));
        assertThat(outcomes.outcome(0, 503, "Fri, 04 Dec 2026 12:10:00 GMT", null))
                .containsEntry("next_attempt_at", Timestamp.from(NOW.plus(Duration.ofMinutes(10))));
        assertThat(outcomes.outcome(0, 503, "soon", null)).containsEntry("next_attempt_at", Timestamp.from(NOW.plusSeconds(5)));
    }

    @Test
    void a410IsGone() {
        assertThat(outcomes.outcome(0, 410, null, null)).containsEntry("status", "gone");
    }

    @Test
    void aBrokerSendCountsOnlyWhenTheRouteSawTheBrokerTakeIt() {
        Map<String, Object> sent = outcomes.outcome("broker", 0, null, null, null, true);
        assertThat(sent).containsEntry("status", "delivered");
        assertThat(sent.get("last_status")).isNull();
        // the route's error handling answered instead of the broker: not delivered, whatever the status header says
        assertThat(outcomes.outcome("broker", 0, 500, null, null, false))
                .containsEntry("status", "pending").containsEntry("last_error", "not sent");
        assertThat(outcomes.outcome("broker", 0, null, null, "JMSException", false)).containsEntry("last_error", "JMSException");
        assertThat(outcomes.outcome("http", 0, 200, null, null, false)).containsEntry("status", "delivered");
    }

    @Test
    void lagIsMeasuredFromEitherDatabasesTimestamp() {
        assertThat(outcomes.lagMillis(Timestamp.from(NOW.minusMillis(250)))).isEqualTo(250);
        assertThat(outcomes.lagMillis(OffsetDateTime.ofInstant(NOW.minusSeconds(2), ZoneOffset.ofHours(2)))).isEqualTo(2000);
        assertThat(outcomes.lagMillis(null)).isZero();
    }

    @Test
    void aScheduleThatIsNotOneIsRefusedNamingTheStep() {
        assertThatThrownBy(() -> new DeliveryOutcomes("0s,soon", Clock.systemUTC()))
                .hasMessageContaining("'soon'");
        assertThat(DeliveryOutcomes.parse(DeliveryOutcomes.DEFAULT_SCHEDULE)).hasSize(8);
    }
}
