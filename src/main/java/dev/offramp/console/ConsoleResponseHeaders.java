package dev.offramp.console;

import java.util.Locale;
import java.util.Map;

/**
 * The headers the console's answers add to the HTTP server's allow-list (dev.offramp.http.ResponseHeaderAllowList),
 * each admitted only with the exact value the bundle itself sets, so nothing from a request can be reflected
 * under these names either: the browser's protections of the console's pages, and the session cookie of
 * /console/session, which is admitted only when it is the one the route put in variable
 * {@link #SET_COOKIE_VARIABLE}.
 */
public final class ConsoleResponseHeaders {

    public static final String SET_COOKIE_VARIABLE = "consoleSetCookie";

    /**
     * Only the bundle's own files and calls (no inline script or style, no other origin), never framed,
     * never cached (a signed-out browser shows no stale data), no Referer leaving the console.
     */
    public static final Map<String, String> PAGE = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private static final Map<String, String> PAGE_LOWER_CASE = lowerCaseKeys(PAGE);

    private ConsoleResponseHeaders() {
    }

    /**
     * @param name a header the answer would carry
     * @param value its value
     * @param setCookie the Set-Cookie value the route chose (variable {@link #SET_COOKIE_VARIABLE}), or null
     */
    public static boolean allows(String name, Object value, Object setCookie) {
        if (name == null || value == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if ("set-cookie".equals(lower)) {
            return setCookie != null && setCookie.equals(value);
        }
        return value.equals(PAGE_LOWER_CASE.get(lower));
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> lower = new java.util.HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(lower);
    }
}
