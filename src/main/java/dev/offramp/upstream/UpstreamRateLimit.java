package dev.offramp.upstream;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * The cap on one upstream's request rate (UNIGOX_RATE_LIMIT_PER_SECOND, CHANGELLY_RATE_LIMIT_PER_SECOND):
 * at most this many attempts start per second, whoever makes them (API requests, reconciliation pages,
 * retries). A pace, not a refusal: a call over the cap waits for the next second's permits, so a
 * reconciliation of many pages stretches out instead of failing. Neither upstream publishes its limits
 * (both document only 429), so the default, 0, caps nothing and the bundle relies on 429 and Retry-After.
 * Resilience4j's rate limiter, one per upstream.
 */
public final class UpstreamRateLimit {

    private final RateLimiter limiter;

    private UpstreamRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** @param perSecond attempts per second; 0 for no cap */
    public static UpstreamRateLimit of(String upstream, int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException(upstream + ".rate-limit-per-second must be 0 (no cap) or more, not " + perSecond);
        }
        if (perSecond == 0) {
            return new UpstreamRateLimit(null);
        }
        return new UpstreamRateLimit(RateLimiter.of(upstream, RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                // waits as long as the queue ahead of it needs: the cap paces calls, it never fails one
                .timeoutDuration(Duration.ofDays(1))
                .build()));
    }

    /** Blocks until this attempt may start (at once without a cap). */
    public void await() {
        if (limiter != null) {
            limiter.acquirePermission();
        }
    }

    public boolean capped() {
        return limiter != null;
    }
}
