package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    final RetryPolicy policy = new RetryPolicy(4, 200, 5000, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void transientFailuresOfRepeatSafeCallsAreRetried() {
        assertThat(policy.outcome(500, null, 0, true, null)).isEqualTo("retry");
        assertThat(policy.outcome(503, null, 1, true, null)).isEqualTo("retry");
        assertThat(policy.outcome(429, null, 0, true, null)).isEqualTo("retry");
        assertThat(policy.outcome(null, "timeout", 0, true, null)).isEqualTo("retry");
        assertThat(policy.outcome(null, "unreachable", null, true, null)).as("first doWhile check").isEqualTo("retry");
    }

    @Test
    void unsafeCallsAnswersAndAnOpenCircuitAreNeverRetried() {
        assertThat(policy.outcome(500, null, 0, false, null)).isEqualTo("done");
        assertThat(policy.outcome(null, "timeout", 0, false, null)).isEqualTo("done");
        assertThat(policy.outcome(200, null, 0, true, null)).isEqualTo("done");
        assertThat(policy.outcome(404, null, 0, true, null)).isEqualTo("done");
        assertThat(policy.outcome(422, null, 0, true, null)).isEqualTo("done");
        assertThat(policy.outcome(null, "circuit_open", 0, true, null)).isEqualTo("done");
    }

    @Test
    void stopsAfterMaxAttempts() {
        assertThat(policy.outcome(500, null, 2, true, null)).isEqualTo("retry");
        assertThat(policy.outcome(500, null, 3, true, null)).as("attempt 4 of 4 was the last").isEqualTo("done");
    }

    @Test
    void retryAfterSecondsIsTheWait() {
        assertThat(policy.backoffMillis(0, "2")).isEqualTo(2000);
        assertThat(policy.backoffMillis(3, " 1 ")).isEqualTo(1000);
    }

    @Test
    void retryAfterAsAnHttpDateIsTheWaitUntilThen() {
        assertThat(policy.backoffMillis(0, "Sat, 21 Nov 2026 10:00:03 GMT")).isEqualTo(3000);
        assertThat(policy.backoffMillis(0, "Sat, 21 Nov 2026 09:59:00 GMT")).as("already past").isZero();
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitEndsTheRetriesInsteadOfComingBackEarly() {
        assertThat(policy.outcome(429, null, 0, true, "60")).isEqualTo("done");
        assertThat(policy.outcome(429, null, 0, true, "5")).isEqualTo("retry");
    }

    @Test
    void withoutRetryAfterTheWaitGrowsExponentiallyWithJitterAndIsCapped() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoffMillis(0, null)).isBetween(100L, 200L);
            assertThat(policy.backoffMillis(1, null)).isBetween(200L, 400L);
            assertThat(policy.backoffMillis(2, "not a number")).isBetween(400L, 800L);
            assertThat(policy.backoffMillis(30, null)).isBetween(2500L, 5000L);
        }
        long distinct = java.util.stream.IntStream.range(0, 50).mapToLong(i -> policy.backoffMillis(3, null)).distinct().count();
        assertThat(distinct).as("jitter spreads callers apart").isGreaterThan(1);
    }
}
