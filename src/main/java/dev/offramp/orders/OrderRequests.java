package dev.offramp.orders;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.JsonBodies;
import dev.offramp.status.Provider;
import java.util.List;
import java.util.Map;

/** Checks of the provider-neutral parts of order requests. */
public final class OrderRequests {

    public static final List<String> PROVIDERS = Provider.ids();

    public String provider(Map<String, Object> body) {
        return JsonBodies.requiredOneOf(body, "provider", PROVIDERS);
    }

    /** A required id field of an order request that names one of our own records (user_id). */
    public String requiredId(Map<String, Object> body, String field) {
        return JsonBodies.requiredString(body, field, 100);
    }

    /** The order row for an action, or 404; 409 when the order's upstream has no such action. */
    public Map<String, Object> requireActionable(Map<String, Object> order, String orderId, String action, String provider) {
        if (order == null) {
            throw ApiProblem.notFound("order", orderId);
        }
        if (!provider.equals(order.get("provider"))) {
            throw new ApiProblem(409, "action_not_supported",
                    action + " is a " + provider + " action; order '" + orderId + "' is at " + order.get("provider"), null, null);
        }
        return order;
    }
}
