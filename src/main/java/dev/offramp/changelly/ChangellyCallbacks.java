package dev.offramp.changelly;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Identifiers;
import dev.offramp.http.JsonBodies;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Reads a Changelly callback. Only {@code {"orderId":…}} is signed, so nothing else in the body is
 * trusted: the status is re-fetched from the API before anything is applied. Callbacks carry no
 * event id; a hash of the raw body stands in for one, so an identical redelivery is a duplicate
 * while any other callback for the order is looked at (and re-fetched) again.
 */
public final class ChangellyCallbacks {

    public Map<String, Object> read(byte[] rawBody) {
        Map<String, Object> body = JsonBodies.object(rawBody);
        Object orderId = body.get("orderId");
        if (!(orderId instanceof String id) || id.isBlank() || id.length() > 100) {
            throw ApiProblem.badField("orderId", "orderId is required (a string of at most 100 characters)");
        }
        // the only signed field, and the only one stored (order_ref): one that is no identifier (a NUL,
        // which PostgreSQL cannot store, a space, a control character) is refused before anything is
        // stored, a 400 Changelly can see, as for any callback it cannot have meant
        String problem = Identifiers.upstreamIdProblem(id, 100);
        if (problem != null) {
            throw ApiProblem.badField("orderId", "orderId " + problem);
        }
        Map<String, Object> callback = new HashMap<>();
        callback.put("order_id", id);
        callback.put("claimed_status", body.get("status") == null ? null : String.valueOf(body.get("status")));
        callback.put("event_id", "sha256:" + sha256(rawBody));
        return callback;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
