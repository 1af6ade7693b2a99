package dev.offramp.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/**
 * One upstream's circuit-breaker settings ({@code <upstream>.circuit.*}). The breaker opens when at
 * least {@code failureRatePercent} of the last {@code windowSize} calls failed (once
 * {@code minimumCalls} were made), fails fast for {@code openSeconds}, then lets
 * {@code halfOpenCalls} trial calls through: if they succeed it closes by itself, if not it opens again.
 * A failure is a timeout, an unreachable upstream or a 5xx; 4xx answers (including 429) are not: the
 * upstream is up and speaking.
 */
public record CircuitSettings(int failureRatePercent, int windowSize, int minimumCalls, long openMillis, int halfOpenCalls) {

    public CircuitSettings {
        if (failureRatePercent < 1 || failureRatePercent > 100 || windowSize < 1 || minimumCalls < 1
                || openMillis < 1 || halfOpenCalls < 1) {
            throw new IllegalArgumentException("circuit settings: failure-rate-percent 1..100, window-size, "
                    + "minimum-calls, open-ms and half-open-calls >= 1");
        }
    }

    CircuitBreakerConfig toConfig() {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRatePercent)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(windowSize)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(Duration.ofMillis(openMillis))
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                // the breaker leaves OPEN on time alone, without waiting for a caller to try
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .writableStackTraceEnabled(false)
                .build();
    }
}
