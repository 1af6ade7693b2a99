package dev.offramp.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an event delivery as the Standard Webhooks specification (v1.0.0) says: HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} with the bytes of each {@code whsec_<base64>} secret,
 * one {@code v1,<base64>} per secret, space-separated (several secrets during a rotation, so the
 * receiver's old and new secret both verify). The secrets are checked once, here: a bad one stops
 * start-up naming its position, never showing its value.
 */
public final class StandardWebhookSigner {

    static final String PREFIX = "whsec_";
    /** The spec recommends 24 to 64 bytes; fewer is refused. */
    static final int MIN_KEY_BYTES = 24;

    private final List<SecretKeySpec> keys = new ArrayList<>();

    /** @param secrets comma-separated {@code whsec_...} secrets */
    public StandardWebhookSigner(String secrets) {
        int position = 0;
        for (String secret : secrets == null ? new String[0] : secrets.split(",")) {
            position++;
            String s = secret.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith(PREFIX)) {
                throw new IllegalArgumentException("events secret " + position + " must start with " + PREFIX);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(s.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("events secret " + position + " is not base64 after " + PREFIX);
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("events secret " + position + " must hold at least " + MIN_KEY_BYTES + " bytes");
            }
            keys.add(new SecretKeySpec(key, "HmacSHA256"));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no events secret given (whsec_<base64>)");
        }
    }

    /** The {@code webhook-signature} header value of one attempt. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder();
        for (SecretKeySpec key : keys) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                mac.update(prefix);
                mac.update(body);
                if (header.length() > 0) {
                    header.append(' ');
                }
                header.append("v1,").append(Base64.getEncoder().encodeToString(mac.doFinal()));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
        return header.toString();
    }

    @Override
    public String toString() {
        return "StandardWebhookSigner[" + keys.size() + " secret(s)]";
    }
}
