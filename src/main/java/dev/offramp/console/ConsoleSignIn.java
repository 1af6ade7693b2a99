package dev.offramp.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps of /console/session (routes/console): sign-in opens a session for the role the inbound check
 * found, and answers its CSRF token in the body (the console's JavaScript keeps it in memory) and its id
 * in the HttpOnly cookie only; sign-out closes it on the server and expires the cookie.
 */
public final class ConsoleSignIn {

    private final ConsoleSessions sessions;
    private final ConsoleCookie cookie;

    public ConsoleSignIn(ConsoleSessions sessions, ConsoleCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    public ConsoleSession open(ConsoleAccess.Caller caller) {
        return sessions.open(caller.role());
    }

    /** The Set-Cookie value for a new session. */
    public String cookie(ConsoleSession session) {
        return cookie.issue(session);
    }

    /** The Set-Cookie value that drops the cookie. */
    public String expiredCookie() {
        return cookie.expire();
    }

    public void close(ConsoleAccess.Caller caller) {
        if (caller.session() != null) {
            sessions.close(caller.session().id());
        }
    }

    /** What the console's JavaScript learns: the role, the CSRF token, when the session ends if idle; never the id. */
    public Map<String, Object> view(ConsoleSession session) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("role", session.role().id());
        view.put("csrf_token", session.csrfToken());
        view.put("expires_at", session.expiresAt().toString());
        return view;
    }

    public Map<String, Object> signedOut() {
        return Map.of("status", "signed_out");
    }
}
