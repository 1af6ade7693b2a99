package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's own endpoints under {@code /_sandbox} (not part of the Fiat API; see {@link ChangellySimulator}
 * for the list). They need no key or signature: they exist only when the sandbox runs, for tests and demos.
 */
final class ChangellyControlEndpoints {

    private static final Pattern ADVANCE = Pattern.compile("/_sandbox/orders/([^/]+)/advance");

    private final OrderBook orders;
    private final CallbackDispatcher callbacks;
    private final ChangellyFaultInjector faults;

    ChangellyControlEndpoints(OrderBook orders, CallbackDispatcher callbacks, ChangellyFaultInjector faults) {
        this.orders = orders;
        this.callbacks = callbacks;
        this.faults = faults;
    }

    Optional<SandboxResponse> handle(String path, SandboxRequest request) {
        switch (request.method() + " " + path) {
            case "GET /_sandbox/callbacks":
                return ok(200, Map.of("callbacks", callbacks.deliveries().stream().map(CallbackDelivery::toJson).toList()));
            case "POST /_sandbox/callbacks/lie":
                return ok(202, lie(ChangellyJson.readObject(request.bodyText())));
            case "GET /_sandbox/faults":
                return ok(200, Map.of("faults", faults.armed().stream().map(ChangellyInjectedFault::toJson).toList()));
            case "POST /_sandbox/faults":
                ChangellyInjectedFault fault = parseFault(ChangellyJson.readObject(request.bodyText()));
                faults.arm(fault);
                return ok(200, fault.toJson());
            case "POST /_sandbox/reset":
                orders.clear();
                callbacks.reset();
                faults.clear();
                return ok(200, Map.of("status", "reset"));
            default:
                break;
        }
        Matcher advance = ADVANCE.matcher(path);
        if (advance.matches() && "POST".equals(request.method())) {
            return ok(200, advance(advance.group(1)));
        }
        return Optional.empty();
    }

    private static Optional<SandboxResponse> ok(int status, Object body) {
        return Optional.of(SandboxResponse.json(status, ChangellyJson.write(body)));
    }

    /** One clock step now; refused for a status the clock never moves (hold, or any ending). */
    private Map<String, Object> advance(String orderId) {
        SellOrder order = orders.find(orderId).orElseThrow(ChangellyApiError::orderNotFound);
        return orders.step(orderId, null)
                .orElseThrow(() -> ChangellyApiError.validation("status",
                        "Order in status " + order.status() + " does not advance; use PATCH /v1/sandbox/order/{id}"))
                .toView();
    }

    /**
     * Sends one callback whose body claims {@code status} although the stored order keeps its own. Its
     * signature is genuine (only the order id is signed), so only a receiver that re-reads the order with
     * {@code GET /v1/orders} notices the lie.
     */
    private Map<String, Object> lie(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        String orderId = fields.requiredText("orderId");
        String statusText = fields.requiredText("status");
        Optional<ChangellyOrderStatus> claimed = statusText == null ? Optional.empty() : ChangellyOrderStatus.parse(statusText);
        if (statusText != null && claimed.isEmpty()) {
            fields.problem("status", "Incorrect status");
        }
        fields.throwIfInvalid();
        SellOrder order = orders.find(orderId).orElseThrow(ChangellyApiError::orderNotFound);
        callbacks.send(orderId, order.withStatusClaim(claimed.get()), "lie");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orderId", orderId);
        json.put("claimedStatus", claimed.get().name());
        json.put("storedStatus", order.status().name());
        return json;
    }

    private static ChangellyInjectedFault parseFault(JsonNode body) {
        JsonFields fields = new JsonFields(body);
        String path = fields.requiredText("path");
        if (path != null && !path.startsWith("/")) {
            fields.problem("path", "A path below the mount point, e.g. /v1/sell/offers");
        }
        Integer status = integer(body, "status", fields);
        if (status != null && status != 429 && status != 500) {
            fields.problem("status", "429 or 500");
        }
        Integer count = integer(body, "count", fields);
        if (count != null && count < 1) {
            fields.problem("count", "At least 1");
        }
        Integer retryAfter = integer(body, "retryAfter", fields);
        if (retryAfter != null && (retryAfter < 0 || status == null || status != 429)) {
            fields.problem("retryAfter", "Seconds >= 0, only with status 429");
        }
        Integer delayMs = integer(body, "delayMs", fields);
        if (delayMs != null && delayMs < 0) {
            fields.problem("delayMs", "Milliseconds >= 0");
        }
        if (status == null && delayMs == null && !fields.hasProblem("status") && !fields.hasProblem("delayMs")) {
            fields.problem("status", "Give a status, a delayMs, or both");
        }
        fields.throwIfInvalid();
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        boolean afterProcessing = body.path("afterProcessing").asBoolean(false);
        return new ChangellyInjectedFault(normalized, status, count == null ? 1 : count, retryAfter, delayMs == null ? 0 : delayMs,
                afterProcessing);
    }

    private static Integer integer(JsonNode body, String name, JsonFields fields) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            fields.problem(name, "Must be an integer");
            return null;
        }
        return node.intValue();
    }
}
