package dev.offramp.console;

import dev.offramp.http.ApiKeyVerifier;
import dev.offramp.http.ApiProblem;
import java.util.Optional;

/**
 * Who may make a REST request, and as whom: the one decision of the shared inbound key check
 * (routes/shared/inbound-key-check). The X-API-Key path is the bundle's as before: when a request carries
 * X-API-Key, only the key counts (a cookie is ignored). Added beside it:
 * <ul>
 *   <li>a viewer key (OFFRAMP_VIEWER_KEYS) reads /admin (GET), and changes nothing there (403 read_only);</li>
 *   <li>{@code POST /console/session} signs in with an admin or viewer key and opens a console session;</li>
 *   <li>a console session (its HttpOnly cookie, no X-API-Key) reads /admin and the order lists of /api
 *       (GET /api/v1/orders...); a changing request also needs the session's CSRF token in X-CSRF-Token
 *       (403 csrf_token_invalid), and a viewer's is refused (403 read_only).</li>
 * </ul>
 */
public final class ConsoleAccess {

    public static final String SESSION_PATH = "/console/session";
    /** The only /api paths a console session reads: the order list and one order (the console's Orders page). */
    static final String API_READS = "/api/v1/orders";

    private final ApiKeyVerifier apiKeys;
    private final ApiKeyVerifier adminKeys;
    private final ApiKeyVerifier viewerKeys;
    private final ConsoleSessions sessions;

    public ConsoleAccess(ApiKeyVerifier apiKeys, ApiKeyVerifier adminKeys, ApiKeyVerifier viewerKeys, ConsoleSessions sessions) {
        this.apiKeys = apiKeys;
        this.adminKeys = adminKeys;
        this.viewerKeys = viewerKeys;
        this.sessions = sessions;
    }

    /**
     * @return the caller: "api", "admin" or "viewer" by key, or the console session
     * @throws ApiProblem 401 (no valid key or session), 403 (read_only, csrf_token_invalid)
     */
    public Caller check(String method, String path, String apiKey, String cookieHeader, String csrfToken) {
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        boolean keyGiven = apiKey != null && !apiKey.isEmpty();
        String sessionId = ConsoleCookie.sessionId(cookieHeader);
        if (SESSION_PATH.equals(path) && "POST".equals(method)) {
            return new Caller(consoleRole(apiKey), null);
        }
        if (SESSION_PATH.equals(path)) {
            return sessionCaller(sessionId, reads, csrfToken);
        }
        if (path != null && path.startsWith("/admin/")) {
            if (keyGiven || sessionId == null) {
                ConsoleRole role = consoleRole(apiKey);
                if (role == ConsoleRole.VIEWER && !reads) {
                    throw readOnly();
                }
                return new Caller(role, null);
            }
            return sessionCaller(sessionId, reads, csrfToken);
        }
        if (keyGiven || sessionId == null || !reads || !readsOrders(path)) {
            apiKeys.require(apiKey, "X-API-Key");
            return Caller.API;
        }
        return sessionCaller(sessionId, true, csrfToken);
    }

    private Caller sessionCaller(String sessionId, boolean reads, String csrfToken) {
        Optional<ConsoleSession> found = sessions.find(sessionId);
        if (found.isEmpty()) {
            throw new ApiProblem(401, "session_expired", "the console session has ended or was signed out; sign in again", null, null);
        }
        ConsoleSession session = found.get();
        if (!reads) {
            if (!ConsoleTokens.same(session.csrfToken(), csrfToken)) {
                throw new ApiProblem(403, "csrf_token_invalid",
                        "a changing request of a console session needs the X-CSRF-Token its sign-in answered", "X-CSRF-Token", null);
            }
            if (session.role() == ConsoleRole.VIEWER) {
                throw readOnly();
            }
        }
        return new Caller(session.role(), session);
    }

    private ConsoleRole consoleRole(String apiKey) {
        // both are checked every time: which list a key is in does not show in the timing
        boolean admin = adminKeys.isValid(apiKey);
        boolean viewer = viewerKeys.isValid(apiKey);
        if (admin) {
            return ConsoleRole.ADMIN;
        }
        if (viewer) {
            return ConsoleRole.VIEWER;
        }
        throw ApiProblem.unauthorized("X-API-Key");
    }

    private static boolean readsOrders(String path) {
        return API_READS.equals(path) || path.startsWith(API_READS + "/") && path.indexOf('/', API_READS.length() + 1) < 0;
    }

    private static ApiProblem readOnly() {
        return new ApiProblem(403, "read_only", "a viewer key may only read (GET); this request would change something: use an admin key",
                null, null);
    }

    /**
     * Who is calling.
     *
     * @param role the console role (admin or viewer), or null for an /api key
     * @param session the console session the request came with, or null when a key was sent
     */
    public record Caller(ConsoleRole role, ConsoleSession session) {
        static final Caller API = new Caller(null, null);

        /** "api", "admin" or "viewer". */
        public String kind() {
            return role == null ? "api" : role.id();
        }
    }
}
