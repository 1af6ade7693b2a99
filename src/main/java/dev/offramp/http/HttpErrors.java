package dev.offramp.http;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON error for answers no route wrote: an unknown path (404), a known path with another method
 * (405), a request the HTTP layer could not read (400: a broken multipart body, a bad URL), a body over
 * the server's limit (413), and anything the server itself failed at. Same shape as every other error of
 * the bundle, {@code {"error":{"code","message","field","upstream"}}}; never the request's path, query or
 * body (nothing reflected), never an exception text.
 */
public final class HttpErrors {

    private HttpErrors() {
    }

    /** The JSON text of the error for {@code status}. */
    public static String body(int status) {
        return JsonBodies.toJson(problem(status).toBody());
    }

    static ApiProblem problem(int status) {
        return switch (status) {
            case 400 -> new ApiProblem(400, "bad_request", "the request could not be read (malformed URL, headers or body)", null, null);
            case 401 -> new ApiProblem(401, "unauthorized", "missing or invalid credentials", null, null);
            case 403 -> new ApiProblem(403, "forbidden", "not allowed", null, null);
            case 404 -> new ApiProblem(404, "not_found", "no such resource", null, null);
            case 405 -> new ApiProblem(405, "method_not_allowed", "this resource does not answer this method; see the Allow header", null, null);
            case 406 -> new ApiProblem(406, "not_acceptable", "this resource answers application/json only", null, null);
            case 413 -> new ApiProblem(413, "payload_too_large", "the request body is too large", null, null);
            case 414 -> new ApiProblem(414, "uri_too_long", "the request URL is too long", null, null);
            case 415 -> new ApiProblem(415, "unsupported_media_type", "this content type is not accepted here", null, null);
            case 431 -> new ApiProblem(431, "headers_too_large", "the request headers are too large", null, null);
            default -> status >= 500
                    ? new ApiProblem(status, "internal_error", "the request could not be completed; it has been logged", null, null)
                    : new ApiProblem(status, "bad_request", "the request was refused", null, null);
        };
    }

    /**
     * The methods any route answers on {@code path}, for a 405's Allow header: {@code routes} are
     * (path pattern, methods) pairs, a pattern segment {@code :name} or {@code {name}} matching any one
     * segment, a trailing {@code *} any rest. Empty when none matches.
     */
    public static Set<String> allowed(String path, Collection<Route> routes) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.pattern() != null && matches(route.pattern(), path == null ? "" : path)) {
                route.methods().forEach(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            }
        }
        return methods;
    }

    /**
     * The status of a request no route took: 404 when no route serves the path, 405 when the path is
     * served but not with this method, 406 when a route serves this path and method but not the answer
     * the request's Accept header asks for (the REST DSL's routes produce application/json only).
     */
    public static int noRouteStatus(String method, Set<String> allowed) {
        if (allowed.isEmpty()) {
            return 404;
        }
        return method != null && allowed.contains(method.toUpperCase(Locale.ROOT)) ? 406 : 405;
    }

    /** One route of the HTTP router: its path pattern and the methods it answers (none: any). */
    public record Route(String pattern, Collection<String> methods) {
    }

    static boolean matches(String pattern, String path) {
        String[] want = trim(pattern).split("/", -1);
        String[] have = trim(path).split("/", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals("*") && i == want.length - 1) {
                return true;
            }
            if (i >= have.length) {
                return false;
            }
            boolean param = want[i].startsWith(":") || (want[i].startsWith("{") && want[i].endsWith("}"));
            if (param ? have[i].isEmpty() : !want[i].equals(have[i])) {
                return false;
            }
        }
        return want.length == have.length;
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
