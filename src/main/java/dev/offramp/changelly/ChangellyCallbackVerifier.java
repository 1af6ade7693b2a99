package dev.offramp.changelly;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * Checks Changelly's {@code x-callback-signature}: base64 of RSA-SHA256 (PKCS#1 v1.5) over
 * {@code JSON.stringify({orderId})}, i.e. {@code {"orderId":"<id>"}}. Only the order id is signed,
 * not the callback body, so a verified callback proves which order changed, not its new status: the
 * caller re-reads the order from the API before trusting anything else in the body.
 *
 * <p>Any one of the configured keys may verify, so a new Changelly key can be added before the old
 * one is retired. Thread-safe.
 */
public final class ChangellyCallbackVerifier {

    private final List<PublicKey> publicKeys;

    public ChangellyCallbackVerifier(List<PublicKey> publicKeys) {
        if (publicKeys == null || publicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one callback public key is required");
        }
        this.publicKeys = List.copyOf(publicKeys);
    }

    private ChangellyCallbackVerifier() {
        this.publicKeys = List.of();
    }

    /** For a deployment with Changelly switched off: no key is configured, and no signature verifies. */
    public static ChangellyCallbackVerifier acceptingNothing() {
        return new ChangellyCallbackVerifier();
    }

    /** @return true when any configured key verifies the signature; false for anything missing or malformed */
    public boolean verify(String orderId, String signatureBase64) {
        if (orderId == null || signatureBase64 == null || signatureBase64.isBlank()) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64.strip());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] content = signedContent(orderId).getBytes(StandardCharsets.UTF_8);
        for (PublicKey key : publicKeys) {
            if (verifies(key, content, signature)) {
                return true;
            }
        }
        return false;
    }

    /** The exact string Changelly signs for this order: {@code JSON.stringify({orderId})}. */
    public String signedContent(String orderId) {
        return "{\"orderId\":" + JsonString.quote(orderId) + "}";
    }

    private static boolean verifies(PublicKey key, byte[] content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ChangellyRequestSigner.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(content);
            return verifier.verify(signature);
        } catch (GeneralSecurityException wrongLengthOrKey) {
            // A signature of the wrong length for this key is simply not this key's signature.
            return false;
        }
    }
}
