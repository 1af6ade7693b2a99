package dev.offramp.sandbox.changelly;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Signs callbacks as the Fiat API does: {@code x-callback-signature} = base64 RSA-SHA256 over the compact
 * JSON {@code {"orderId":"<id>"}} only, not over the body (reference §4.3). That is why a receiver must
 * re-read the order before trusting the body's status, which the sandbox's lying callback exploits.
 */
final class CallbackSigner {

    private final PrivateKey privateKey;

    CallbackSigner(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** {@code JSON.stringify({orderId})}: Jackson escapes a string the same way for any realistic id. */
    static String signedContent(String orderId) {
        return ChangellyJson.write(Map.of("orderId", orderId));
    }

    String sign(String orderId) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signedContent(orderId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a callback", e);
        }
    }
}
