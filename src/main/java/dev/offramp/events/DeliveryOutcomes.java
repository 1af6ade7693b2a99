package dev.offramp.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What one delivery attempt's answer means, as the Standard Webhooks spec and Svix's practice say: 2xx
 * delivered; 410 Gone disables the destination; anything else (3xx included, and no answer) is retried on
 * the schedule, not before a {@code Retry-After} on 429/502/503/504, and after the last step it has failed.
 * The default schedule is Svix's: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
 */
public final class DeliveryOutcomes {

    public static final String DEFAULT_SCHEDULE = "0s,5s,5m,30m,2h,5h,10h,10h";
    /** A Retry-After further away than this is taken as this (a receiver cannot park an event for days). */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(10);

    private final List<Duration> schedule;
    private final Clock clock;

    /** @param schedule the delay before each attempt, the first usually 0s: e.g. {@value #DEFAULT_SCHEDULE} */
    public DeliveryOutcomes(String schedule, Clock clock) {
        this.schedule = parse(schedule);
        this.clock = clock;
    }

    /** Until when an instance holds a delivery it claims (longer than one attempt can take). */
    public Timestamp claimUntil(int seconds) {
        return Timestamp.from(clock.instant().plusSeconds(seconds));
    }

    /**
     * The parameters of claim.sql for a batch of due deliveries (the rows of select-due.sql), one map each,
     * all with the same new token, which select-claimed.sql then reads back by (the first map carries it).
     * Plain named parameters: camel-sql evaluates each {@code :#${...}} parameter as an expression on a copy
     * of the exchange, which the delivery loop paid for on every delivery (profiled).
     */
    public List<Map<String, Object>> claims(List<Map<String, Object>> due, int seconds) {
        String token = UUID.randomUUID().toString();
        Timestamp until = claimUntil(seconds);
        List<Map<String, Object>> claims = new ArrayList<>(due.size());
        for (Map<String, Object> delivery : due) {
            Map<String, Object> params = new HashMap<>();
            params.put("event_seq", delivery.get("event_seq"));
            params.put("destination", delivery.get("destination"));
            params.put("claim_until", until);
            params.put("claim_token", token);
            claims.add(params);
        }
        return claims;
    }

    /** The parameters of record-attempt.sql: the delivery's key and the attempt's outcome, as plain named parameters. */
    public Map<String, Object> record(Map<String, Object> delivery, Map<String, Object> attempt) {
        Map<String, Object> params = new HashMap<>(attempt);
        params.putIfAbsent("next_attempt_at", null);
        params.putIfAbsent("last_status", null);
        params.putIfAbsent("last_error", null);
        params.put("event_seq", delivery.get("event_seq"));
        params.put("destination", delivery.get("destination"));
        // written only while the delivery is still held by this claim (record-attempt.sql)
        params.put("claim_token", delivery.get("claim_token"));
        return params;
    }

    /**
     * The outcome of one attempt to a destination of either kind: a broker send (events-to-broker) is
     * delivered only when the route says the broker took it, and retried like an unreachable receiver
     * otherwise.
     *
     * @param kind http or broker (EventDestinations.kind)
     * @param brokerSent whether events-to-broker saw the broker take the message (broker only)
     */
    public Map<String, Object> outcome(String kind, int attemptsBefore, Integer httpStatus, String retryAfter,
            String transportError, boolean brokerSent) {
        if ("broker".equals(kind)) {
            // a broker has no status code: only a send that completed counts
            Map<String, Object> sent = outcome(attemptsBefore, brokerSent ? 200 : null, null,
                    brokerSent ? null : transportError == null ? "not sent" : transportError);
            sent.put("last_status", null);
            return sent;
        }
        return outcome(attemptsBefore, httpStatus, retryAfter, transportError);
    }

    /**
     * The row update of record-attempt.sql for the answer to attempt number {@code attemptsBefore + 1}:
     * status (delivered, pending, failed or gone), next_attempt_at, last_status, last_error.
     *
     * @param httpStatus the receiver's status, or null when it could not be reached
     * @param retryAfter the receiver's Retry-After header, if any
     * @param transportError why there was no answer (no secret or URL in it), or null
     */
    public Map<String, Object> outcome(int attemptsBefore, Integer httpStatus, String retryAfter, String transportError) {
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("last_status", httpStatus);
        Instant now = clock.instant();
        if (httpStatus != null && httpStatus >= 200 && httpStatus < 300) {
            outcome.put("status", "delivered");
            outcome.put("last_error", null);
            return outcome;
        }
        String error = httpStatus == null ? bounded(transportError == null ? "no answer" : transportError) : "HTTP " + httpStatus;
        outcome.put("last_error", error);
        if (httpStatus != null && httpStatus == 410) {
            outcome.put("status", "gone");
            outcome.put("last_error", "410 Gone at " + DateTimeFormatter.ISO_INSTANT.format(now) + ": the receiver asked for no more");
            return outcome;
        }
        int attempt = attemptsBefore + 1;
        if (attempt >= schedule.size()) {
            outcome.put("status", "failed");
            return outcome;
        }
        Duration wait = schedule.get(attempt);
        if (httpStatus != null && (httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504)) {
            Duration asked = retryAfter(retryAfter, now);
            if (asked != null && asked.compareTo(wait) > 0) {
                wait = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            }
        }
        outcome.put("status", "pending");
        outcome.put("next_attempt_at", Timestamp.from(now.plus(wait)));
        return outcome;
    }

    /**
     * Milliseconds from an event's write to now (its delivery's 2xx): the delivery lag metric. The
     * database gives the time as a Timestamp (PostgreSQL) or an OffsetDateTime (H2).
     */
    public long lagMillis(Object createdAt) {
        Instant written;
        if (createdAt instanceof Timestamp t) {
            written = t.toInstant();
        } else if (createdAt instanceof java.time.OffsetDateTime o) {
            written = o.toInstant();
        } else if (createdAt instanceof java.time.temporal.TemporalAccessor a) {
            written = Instant.from(a);
        } else {
            return 0;
        }
        return Math.max(0, Duration.between(written, clock.instant()).toMillis());
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank() || header.length() > 100) {
            return null;
        }
        String h = header.trim();
        if (h.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(h));
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static List<Duration> parse(String schedule) {
        List<Duration> steps = new ArrayList<>();
        for (String step : schedule.split(",")) {
            String s = step.trim().toLowerCase(Locale.ROOT);
            if (!s.matches("\\d{1,6}(ms|s|m|h)")) {
                throw new IllegalArgumentException("offramp.events.retry-schedule: '" + step.trim()
                        + "' is not a delay such as 0s, 500ms, 5m or 2h");
            }
            long n = Long.parseLong(s.replaceAll("[a-z]", ""));
            steps.add(s.endsWith("ms") ? Duration.ofMillis(n) : s.endsWith("s") ? Duration.ofSeconds(n)
                    : s.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n));
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("offramp.events.retry-schedule is empty");
        }
        return steps;
    }

    private static String bounded(String text) {
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
