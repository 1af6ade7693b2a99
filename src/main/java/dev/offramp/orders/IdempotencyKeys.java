package dev.offramp.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.offramp.http.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Idempotency-Key handling for order creation: the same key with the same request answers the same
 * order (no second upstream call); the same key with another request is a 409. Requests are compared
 * by a hash of their JSON content with keys sorted, so whitespace or field order do not matter.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The key as sent, or null when none; a key that cannot be one is a 400. */
    public String key(String header) {
        if (header == null) {
            return null;
        }
        String key = header.trim();
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiProblem.badParameter(HEADER, HEADER + " must be 1 to 200 printable ASCII characters");
        }
        return key;
    }

    public String requestHash(Map<String, Object> request) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

    /**
     * What to do with a key someone already holds: answer the order it created (its id), or refuse.
     *
     * @throws ApiProblem 409 when the key came with another request, or its first request is still running
     */
    public String replayOrderId(Map<String, Object> row, String requestHash) {
        if (row == null) {
            // released between our insert and our read: the caller may simply retry
            throw new ApiProblem(409, "idempotency_key_in_use", "the request with this " + HEADER + " has just failed; retry", HEADER, null);
        }
        if (!requestHash.equals(row.get("request_hash"))) {
            throw new ApiProblem(409, "idempotency_key_reused", HEADER + " was already used with a different request", HEADER, null);
        }
        Object orderId = row.get("order_id");
        if (orderId == null) {
            throw new ApiProblem(409, "idempotency_key_in_use", "a request with this " + HEADER + " is still being processed", HEADER, null);
        }
        return orderId.toString();
    }
}
