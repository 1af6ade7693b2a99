package dev.offramp.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class UpstreamMetricsTest {

    @Test
    void idsInPathsBecomeOnePlaceholderSoSeriesStayBounded() {
        assertThat(UpstreamMetrics.endpoint("/orders/ord-8c1e3/authorize-crypto-transfer")).isEqualTo("/orders/{id}/authorize-crypto-transfer");
        assertThat(UpstreamMetrics.endpoint("/users/6f1c2a90-1b2c-4d5e-8f90-123456789abc/payment-details"))
                .isEqualTo("/users/{id}/payment-details");
        assertThat(UpstreamMetrics.endpoint("/orders/12345")).isEqualTo("/orders/{id}");
        assertThat(UpstreamMetrics.endpoint("/v1/sell/offers")).isEqualTo("/v1/sell/offers");
        assertThat(UpstreamMetrics.endpoint("/offramp/estimate")).isEqualTo("/offramp/estimate");
        assertThat(UpstreamMetrics.endpoint(null)).isEqualTo("/");
    }

    @Test
    void outcomeIsTheStatusClassOrTheFailure() {
        assertThat(UpstreamMetrics.outcome(201, null)).isEqualTo("2xx");
        assertThat(UpstreamMetrics.outcome(429, null)).isEqualTo("4xx");
        assertThat(UpstreamMetrics.outcome(502, null)).isEqualTo("5xx");
        assertThat(UpstreamMetrics.outcome(null, "timeout")).isEqualTo("timeout");
        assertThat(UpstreamMetrics.outcome(null, "circuit_open")).isEqualTo("circuit_open");
    }

    @Test
    void eachAttemptIsTimedUnderItsTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UpstreamMetrics metrics = new UpstreamMetrics(() -> registry);
        metrics.record("unigox", "GET", "/orders/77", 200, null, metrics.start(), null);
        metrics.record("unigox", "GET", "/orders/78", 200, null, metrics.start(), null);
        metrics.record("unigox", "GET", "/orders/79", null, "timeout", metrics.start(), null);

        assertThat(registry.get("offramp.upstream.requests").tags("upstream", "unigox", "endpoint", "/orders/{id}", "outcome", "2xx")
                .timer().count()).isEqualTo(2);
        assertThat(registry.get("offramp.upstream.requests").tags("outcome", "timeout").timer().count()).isEqualTo(1);
        new UpstreamMetrics(() -> null).record("unigox", "GET", "/x", 200, null, 0, null);
    }

    @Test
    void theTimeSpentInAnUpstreamAddsUpOverARequestsAttempts() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UpstreamMetrics metrics = new UpstreamMetrics(() -> registry);
        long now = System.nanoTime();

        long first = metrics.record("changelly", "GET", "/v1/sell/offers", 503, null, now - 40_000_000L, null);
        long both = metrics.record("changelly", "GET", "/v1/sell/offers", 200, null, now - 10_000_000L, first);

        assertThat(first).isGreaterThanOrEqualTo(40_000_000L);
        assertThat(both).isGreaterThanOrEqualTo(first + 10_000_000L);
        double timed = registry.get("offramp.upstream.requests").tags("upstream", "changelly").timers().stream()
                .mapToDouble(t -> t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).sum();
        assertThat(timed).as("the timer records each attempt once, not the running total").isLessThan(both + 1_000_000.0);
        assertThat(new UpstreamMetrics(() -> null).record("unigox", "GET", "/x", 200, null, now, 5L)).isGreaterThanOrEqualTo(5L);
    }
}
