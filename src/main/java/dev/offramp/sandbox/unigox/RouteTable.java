package dev.offramp.sandbox.unigox;

import dev.offramp.sandbox.SandboxRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Method + path templates ({@code /api/v1/partner/users/{user_uuid}}) to handlers. Each route also
 * says which error envelope its family uses, whether it needs the API key, and whether it must run
 * outside the simulator's state lock (only the webhook test, which waits for a delivery).
 */
final class RouteTable {

    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    record Route(String method, List<String> template, SimError.Envelope envelope, boolean needsKey,
                 boolean runsUnlocked, Handler handler) {
    }

    record Match(Route route, Map<String, String> pathParams) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** A route that needs the key and runs under the state lock. */
    RouteTable add(String method, String template, SimError.Envelope envelope, Handler handler) {
        return add(new Route(method, segments(template), envelope, true, false, handler));
    }

    RouteTable add(Route route) {
        routes.add(route);
        return this;
    }

    static Route publicRoute(String method, String template, SimError.Envelope envelope, Handler handler) {
        return new Route(method, segments(template), envelope, false, false, handler);
    }

    static Route unlockedRoute(String method, String template, SimError.Envelope envelope, Handler handler) {
        return new Route(method, segments(template), envelope, true, true, handler);
    }

    Optional<Match> match(SandboxRequest request) {
        List<String> path = segments(request.path());
        for (Route route : routes) {
            if (route.method().equals(request.method())) {
                Map<String, String> params = bind(route.template(), path);
                if (params != null) {
                    return Optional.of(new Match(route, params));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some route answers {@code path} with {@code method} (null = any method). */
    boolean serves(String method, String path) {
        List<String> segments = segments(path);
        return routes.stream().anyMatch(route -> (method == null || route.method().equals(method))
                && bind(route.template(), segments) != null);
    }

    /** The path parameters when {@code path} fits {@code template}, else null. */
    private static Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }
}
