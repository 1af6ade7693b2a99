package dev.offramp.unigox;

import java.time.Clock;
import java.time.Instant;

/**
 * What Unigox last said about our partner key ({@code GET /verify-auth}), kept for readiness so that a
 * probe never calls Unigox: the route unigox-verify-auth asks at start-up and then on an interval, and
 * {@link UnigoxAuthHealthCheck} reads the answer kept here.
 *
 * <p>States: {@code unknown} (not asked yet), {@code authorized}, {@code unauthorized} (401 or 403: the
 * key is wrong or revoked), {@code unreachable} (a transport failure, an open circuit, a 5xx or any
 * other answer: Unigox could not say, which says nothing about the key).
 */
public final class UnigoxAuthStatus {

    public static final String UNKNOWN = "unknown";
    public static final String AUTHORIZED = "authorized";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String UNREACHABLE = "unreachable";

    /** One answer and when it came. */
    public record Snapshot(String state, String detail, Instant checkedAt) {
    }

    private final Clock clock;
    private volatile Snapshot last = new Snapshot(UNKNOWN, null, null);

    public UnigoxAuthStatus(Clock clock) {
        this.clock = clock;
    }

    public Snapshot last() {
        return last;
    }

    /**
     * Keeps the state of one verify-auth answer.
     *
     * @param failure what went wrong in our words ({@link UnigoxResponses#failure}: {@code HTTP 401 unauthorized},
     *        {@code timeout}, ...), null for a success; never the key, never Unigox's message text
     * @return the log line to write, or null when the state is what it was (one WARN at start-up or at
     *         the change, not one per interval)
     */
    public String record(Integer httpStatus, String failure) {
        String state;
        if (failure == null && httpStatus != null && httpStatus >= 200 && httpStatus < 300) {
            state = AUTHORIZED;
        } else if (httpStatus != null && (httpStatus == 401 || httpStatus == 403)) {
            state = UNAUTHORIZED;
        } else {
            state = UNREACHABLE;
        }
        Snapshot before = last;
        last = new Snapshot(state, failure, clock.instant());
        if (state.equals(before.state())) {
            return null;
        }
        return switch (state) {
            case UNAUTHORIZED -> "Unigox refused the partner key (UNIGOX_API_KEY) at GET /verify-auth: " + failure
                    + "; every Unigox call will fail and readiness is DOWN until the key is fixed";
            case UNREACHABLE -> "Unigox could not confirm the partner key at GET /verify-auth: " + failure
                    + "; asked again on the next interval";
            default -> "Unigox accepted the partner key (GET /verify-auth)";
        };
    }

    /** Whether {@link #record}'s line for this state is a warning. */
    public boolean warns() {
        return !AUTHORIZED.equals(last.state());
    }
}
