package dev.offramp.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a call to an upstream is worth another attempt, and how long to wait first. One instance per
 * upstream, configured from its {@code <upstream>.retry.*} settings.
 *
 * <p>Only a call the caller marked repeat-safe is ever repeated, and only after a transient failure:
 * 429, a 5xx or a transport failure. An open circuit is not transient in that sense: failing fast is
 * its whole point. A 429's {@code Retry-After} (seconds or an HTTP date) is honoured as the wait; when
 * it asks for longer than {@code maxBackoffMillis} the call is not repeated at all, rather than
 * repeated early. Otherwise the wait is exponential with full jitter in its upper half, so that many
 * callers failing together do not come back together.
 */
public final class RetryPolicy {

    public static final String RETRY = "retry";
    public static final String DONE = "done";

    private final int maxAttempts;
    private final long baseBackoffMillis;
    private final long maxBackoffMillis;
    private final Clock clock;

    public RetryPolicy(int maxAttempts, long baseBackoffMillis, long maxBackoffMillis, Clock clock) {
        if (maxAttempts < 1 || baseBackoffMillis < 0 || maxBackoffMillis < baseBackoffMillis) {
            throw new IllegalArgumentException("retry settings: max-attempts >= 1 and 0 <= backoff-ms <= max-backoff-ms");
        }
        this.maxAttempts = maxAttempts;
        this.baseBackoffMillis = baseBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.clock = clock;
    }

    /**
     * {@link #RETRY} or {@link #DONE} after attempt number {@code attempt} (0-based; null counts as 0,
     * as Camel's loop index is not yet set when a doWhile condition is first evaluated).
     */
    public String outcome(Integer status, String transportError, Integer attempt, boolean repeatSafe, String retryAfter) {
        int done = attempt == null ? 0 : attempt;
        if (!repeatSafe || done + 1 >= maxAttempts || !transientFailure(status, transportError)) {
            return DONE;
        }
        Long asked = retryAfterMillis(retryAfter);
        return asked != null && asked > maxBackoffMillis ? DONE : RETRY;
    }

    /** Milliseconds to wait before the attempt after {@code attempt} (0-based). */
    public long backoffMillis(Integer attempt, String retryAfter) {
        Long asked = retryAfterMillis(retryAfter);
        if (asked != null) {
            return Math.min(asked, maxBackoffMillis);
        }
        int n = attempt == null ? 0 : Math.min(attempt, 20);
        long exponential = Math.min(baseBackoffMillis << n, maxBackoffMillis);
        return exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
    }

    static boolean transientFailure(Integer status, String transportError) {
        if (UpstreamFailures.CIRCUIT_OPEN.equals(transportError)) {
            return false;
        }
        return transportError != null || status == null || status == 429 || status >= 500;
    }

    /** Retry-After as milliseconds from now, or null when absent or unreadable. */
    Long retryAfterMillis(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String value = retryAfter.trim();
        if (value.matches("\\d{1,9}")) {
            return Long.parseLong(value) * 1000;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
