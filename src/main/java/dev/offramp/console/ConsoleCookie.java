package dev.offramp.console;

/**
 * The console's session cookie: the opaque session id only, {@code HttpOnly} (scripts never read it),
 * {@code SameSite=Strict} (no other site's page makes the browser send it), {@code Path=/} (the console's
 * JavaScript calls /admin and /api), no Max-Age (gone when the browser closes; the server ends it sooner),
 * and {@code Secure} when the bundle is served over HTTPS (offramp.console.cookie-secure).
 */
public final class ConsoleCookie {

    public static final String NAME = "offramp_console";

    private final boolean secure;

    public ConsoleCookie(boolean secure) {
        this.secure = secure;
    }

    /** The Set-Cookie value that hands a new session to the browser. */
    public String issue(ConsoleSession session) {
        return NAME + "=" + session.id() + attributes();
    }

    /** The Set-Cookie value that makes the browser drop the cookie (sign-out). */
    public String expire() {
        return NAME + "=; Max-Age=0" + attributes();
    }

    private String attributes() {
        return "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The session id in a request's Cookie header, or null; other cookies are ignored. */
    public static String sessionId(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(NAME)) {
                String value = pair.substring(eq + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
