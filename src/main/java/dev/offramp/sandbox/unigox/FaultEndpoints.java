package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimError.Envelope.PARTNER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * {@code /_sandbox/faults}: arm, list and clear the failures API requests meet ({@link UnigoxFaultInjector}),
 * so route tests can play an upstream that errs, throttles, stalls or garbles through the simulator
 * itself. Same key and partner envelope as the other control endpoints; listed in {@link UnigoxSimulator}.
 */
final class FaultEndpoints {

    private static final String ROOT = "/_sandbox/faults";
    private static final Set<String> FIELDS = Set.of("path", "method", "status", "count", "retryAfter", "delayMs", "afterProcessing",
            "malformed");
    /** Longest delay: enough to outlast any client timeout, short enough that a typo frees its thread. */
    static final int MAX_DELAY_MS = 600_000;

    private final UnigoxFaultInjector faults;
    private final BiPredicate<String, String> served;

    /**
     * @param served whether some route answers a method (null = any) and path ({@link RouteTable#serves}),
     *               to refuse a fault no request could ever meet (a typo would leave the test unfaulted)
     */
    FaultEndpoints(UnigoxFaultInjector faults, BiPredicate<String, String> served) {
        this.faults = faults;
        this.served = served;
    }

    void addTo(RouteTable routes) {
        routes.add("GET", ROOT, PARTNER, call -> Reply.ok(UnigoxJson.object("faults",
                        faults.armed().stream().map(UnigoxInjectedFault::toJson).toList())))
                .add("POST", ROOT, PARTNER, call -> {
                    UnigoxInjectedFault fault = parse(call);
                    faults.arm(fault);
                    return Reply.ok(fault.toJson());
                })
                .add("POST", ROOT + "/clear", PARTNER, call -> Reply.ok(UnigoxJson.object("cleared", faults.clear())));
    }

    /**
     * {@code {"path","method"?,"status"?,"count"?,"retryAfter"?,"delayMs"?,"malformed"?,"afterProcessing"?}}. Strict: an
     * unknown field (say the snake_case {@code delay_ms} of {@code /_sandbox/latency}) is refused rather
     * than ignored, since a fault silently armed without its delay would make a timeout test pass for
     * the wrong reason.
     */
    private UnigoxInjectedFault parse(Call call) {
        JsonNode body = call.body();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw call.invalid("unknown field " + name + "; a fault takes path, method, status, count, "
                        + "retryAfter, delayMs, malformed and afterProcessing");
            }
        }
        String path = path(call, call.requiredText(body, "path"));
        String method = method(call, call.text(body, "method"));
        Integer status = integer(call, body, "status", 400, 599);
        Integer count = integer(call, body, "count", 1, Integer.MAX_VALUE);
        Integer retryAfter = integer(call, body, "retryAfter", 0, Integer.MAX_VALUE);
        Integer delayMs = integer(call, body, "delayMs", 0, MAX_DELAY_MS);
        boolean malformed = bool(call, body, "malformed");
        boolean afterProcessing = bool(call, body, "afterProcessing");
        if (retryAfter != null && status == null) {
            throw call.invalid("retryAfter is the Retry-After header of an error answer; give a status (429 or 503)");
        }
        if (malformed && status != null) {
            throw call.invalid("a malformed answer is a 200; give malformed or status, not both");
        }
        if (status == null && !malformed && (delayMs == null || delayMs == 0)) {
            throw call.invalid("give a status, malformed: true, or a delayMs (alone or with either)");
        }
        if (!UnigoxInjectedFault.EVERY_PATH.equals(path) && !served.test(method, fullPath(path))) {
            throw call.invalid("no API route answers " + (method == null ? "" : method + " ") + path
                    + "; give the path below /api/v1/partner as the client calls it, e.g. /orders/123"
                    + " (or the whole path of the reference data, e.g. /api/v1/supported/payment-rails)");
        }
        return new UnigoxInjectedFault(path, method, status, count == null ? 1 : count, retryAfter,
                delayMs == null ? 0 : delayMs, malformed, afterProcessing);
    }

    /**
     * {@code *}, or the path below the API base. The full {@code /api/v1/partner/..} form, the one
     * {@code /_sandbox/latency} takes, is accepted too, so mixing the two up does not arm a dead fault.
     * The public reference data beside the partner API is named by its whole path
     * ({@code /api/v1/supported/payment-rails}), as {@link UnigoxSimulator#apiPath} keys it.
     */
    private static String path(Call call, String given) {
        if (UnigoxInjectedFault.EVERY_PATH.equals(given)) {
            return given;
        }
        if (!given.startsWith("/") || given.contains("?")) {
            throw call.invalid("path must be * or a path below /api/v1/partner without query, e.g. /orders/123");
        }
        String full = given.startsWith(UnigoxSimulator.PARTNER + "/") || given.startsWith(ReferenceDataEndpoints.SUPPORTED + "/")
                ? given : UnigoxSimulator.PARTNER + given;
        return UnigoxSimulator.apiPath(full);
    }

    /** The request path a fault's path stands for. */
    private static String fullPath(String apiPath) {
        return apiPath.startsWith(ReferenceDataEndpoints.SUPPORTED + "/") ? apiPath : UnigoxSimulator.PARTNER + apiPath;
    }

    private static String method(Call call, String given) {
        if (given == null) {
            return null;
        }
        if (!given.matches("[A-Za-z]+")) {
            throw call.invalid("method must be an HTTP method such as GET or POST");
        }
        return given.toUpperCase(Locale.ROOT);
    }

    private static Integer integer(Call call, JsonNode body, String name, int min, int max) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw call.invalid(name + " must be an integer from " + min + " to " + max);
        }
        return node.intValue();
    }

    private static boolean bool(Call call, JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw call.invalid(name + " must be true or false");
        }
        return node.booleanValue();
    }
}
