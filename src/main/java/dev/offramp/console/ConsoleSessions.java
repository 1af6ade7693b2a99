package dev.offramp.console;

import dev.offramp.http.ApiProblem;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in this instance's memory. A session is worth no more than a sign-in: losing it
 * (a restart, another instance behind a load balancer without sticky sessions) only asks the operator to
 * sign in again, so it is kept like a cache rather than in the order store.
 *
 * <p>Sessions end after {@link #IDLE} without a request and at the latest {@link #ABSOLUTE} after sign-in.
 * Ids and CSRF tokens are 256 random bits; a lookup compares in constant time against the one entry the id
 * selects, and the map is keyed by the id's SHA-256 so that a heap dump holds no usable cookie.
 */
public final class ConsoleSessions {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(8);
    /** A bound, so that a flood of sign-ins cannot grow the map without end. */
    static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ConsoleSession> byDigest = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for a key of {@code role} that was just checked. */
    public ConsoleSession open(ConsoleRole role) {
        Instant now = clock.instant();
        forgetEnded(now);
        if (byDigest.size() >= MAX_SESSIONS) {
            throw new ApiProblem(503, "too_many_sessions", "too many console sessions are open; try again when some have ended",
                    null, null);
        }
        ConsoleSession session = new ConsoleSession(token(), role, token(), now.plus(IDLE), now.plus(ABSOLUTE));
        byDigest.put(ConsoleTokens.digest(session.id()), session);
        return session;
    }

    /** The live session of a cookie value, its idle timeout renewed; empty when unknown or ended. */
    public Optional<ConsoleSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String digest = ConsoleTokens.digest(id);
        ConsoleSession session = byDigest.get(digest);
        Instant now = clock.instant();
        if (session == null || !MessageDigest.isEqual(ConsoleTokens.bytes(session.id()), ConsoleTokens.bytes(id))) {
            return Optional.empty();
        }
        if (!now.isBefore(session.expiresAt())) {
            byDigest.remove(digest, session);
            return Optional.empty();
        }
        Instant expires = now.plus(IDLE).isBefore(session.endsAt()) ? now.plus(IDLE) : session.endsAt();
        ConsoleSession renewed = new ConsoleSession(session.id(), session.role(), session.csrfToken(), expires, session.endsAt());
        byDigest.replace(digest, session, renewed);
        return Optional.of(renewed);
    }

    /** Sign-out: the session is gone on the server, whatever the browser still holds. */
    public void close(String id) {
        if (id != null && !id.isEmpty()) {
            byDigest.remove(ConsoleTokens.digest(id));
        }
    }

    int size() {
        return byDigest.size();
    }

    private void forgetEnded(Instant now) {
        byDigest.values().removeIf(s -> !now.isBefore(s.expiresAt()));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
