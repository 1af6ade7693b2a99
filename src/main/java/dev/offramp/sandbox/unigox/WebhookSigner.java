package dev.offramp.sandbox.unigox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unigox's webhook signature: {@code sha256=} + lowercase hex of HMAC-SHA256(secret,
 * {@code "<timestamp>.<raw body>"}), over the exact bytes that are sent.
 */
final class WebhookSigner {

    private final byte[] secret;

    WebhookSigner(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
