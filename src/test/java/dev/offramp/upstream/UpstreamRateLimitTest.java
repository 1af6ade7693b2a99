package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An upstream's rate cap paces attempts to so many a second and never refuses one; 0 caps nothing. */
class UpstreamRateLimitTest {

    @Test
    void fifteenAttemptsAtFiveASecondSpanAtLeastTwoRefills() {
        UpstreamRateLimit limit = UpstreamRateLimit.of("unigox", 5);
        assertThat(limit.capped()).isTrue();
        long start = System.nanoTime();
        for (int i = 0; i < 15; i++) {
            limit.await();
        }
        // the first 5 in the (partly gone) first second, 5 at the next refill, 5 at the one after: > 1 s in all
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void zeroCapsNothingAndANegativeCapIsRefusedNamingTheSetting() {
        UpstreamRateLimit none = UpstreamRateLimit.of("changelly", 0);
        assertThat(none.capped()).isFalse();
        for (int i = 0; i < 10_000; i++) {
            none.await();
        }
        assertThatThrownBy(() -> UpstreamRateLimit.of("changelly", -1))
                .hasMessage("changelly.rate-limit-per-second must be 0 (no cap) or more, not -1");
    }
}
