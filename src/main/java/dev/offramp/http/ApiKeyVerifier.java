package dev.offramp.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an inbound API key against the configured ones (comma-separated). Every configured key is
 * compared, in constant time over SHA-256 digests, so neither the position of a match nor the
 * length of a key shows in the timing.
 */
public final class ApiKeyVerifier {

    private final List<byte[]> keyDigests = new ArrayList<>();

    public ApiKeyVerifier(String commaSeparatedKeys) {
        if (commaSeparatedKeys != null) {
            for (String key : commaSeparatedKeys.split(",")) {
                if (!key.isBlank()) {
                    keyDigests.add(sha256(key.trim()));
                }
            }
        }
    }

    public boolean isValid(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] known : keyDigests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match;
    }

    /**
     * A stable, non-secret name for the client holding {@code key} (idempotency keys are per client);
     * a hash prefix, so the key itself is never stored.
     */
    public String clientId(String key) {
        return key == null ? "anonymous" : "key-" + java.util.HexFormat.of().formatHex(sha256(key), 0, 8);
    }

    /** @throws ApiProblem 401 naming the header when the key is missing or unknown */
    public void require(String presented, String headerName) {
        if (!isValid(presented)) {
            throw ApiProblem.unauthorized(headerName);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
