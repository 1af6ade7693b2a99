package dev.offramp.changelly;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Computes Changelly Fiat API's {@code X-Api-Signature}: base64 of RSA-SHA256 (PKCS#1 v1.5) over the
 * UTF-8 bytes of the full request URL (scheme, host, path and query, exactly as sent) followed by the
 * exact JSON body, or {@code {}} when there is none (a GET).
 *
 * <p>The caller must send byte for byte the URL and body it signed: serialize the body once and send
 * that string. Thread-safe: a {@link Signature} is stateful, so every call makes its own.
 */
public final class ChangellyRequestSigner {

    static final String ALGORITHM = "SHA256withRSA";

    private final PrivateKey privateKey;

    /** @throws IllegalArgumentException when the key cannot sign SHA256withRSA (checked now, not on the first request) */
    public ChangellyRequestSigner(PrivateKey privateKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        try {
            Signature.getInstance(ALGORITHM).initSign(privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key cannot sign " + ALGORITHM + " (" + privateKey.getAlgorithm()
                    + " key)");
        }
    }

    /** The exact string that {@link #sign} signs: the URL followed by the body, or {@code {}} for none. */
    public String signatureBase(String fullUrl, String body) {
        if (fullUrl == null || fullUrl.isEmpty()) {
            throw new IllegalArgumentException("fullUrl is required: Changelly signs the full request URL");
        }
        // Changelly signs JSON.stringify(message) with message = {} for a GET; an absent body is that.
        return fullUrl + (body == null || body.isEmpty() ? "{}" : body);
    }

    /** @return standard base64 (no line breaks) of the signature, the value of {@code X-Api-Signature} */
    public String sign(String fullUrl, String body) {
        byte[] content = signatureBase(fullUrl, body).getBytes(StandardCharsets.UTF_8);
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            // The constructor proved the key usable, so this is a broken JRE, not bad input.
            throw new IllegalStateException(ALGORITHM + " signing failed", e);
        }
    }
}
