package dev.offramp.sandbox.changelly;

import dev.offramp.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * Checks a request's {@code X-Api-Key} and {@code X-Api-Signature} the way the Fiat API does:
 * base64 RSA-SHA256 (PKCS#1 v1.5) over UTF-8 of {@code <full URL with query> + <body>}, where a GET or an
 * empty body contributes the literal {@code {}}.
 *
 * <p>The full URL is the one the client signed, {@code <base URL><path>?<raw query>}. The client's base URL
 * is this server's mount point; since a client may call it as {@code localhost} or {@code 127.0.0.1},
 * both are tried. The raw query is used exactly as received so that any difference in encoding between
 * what was signed and what was sent fails here, as it would upstream.
 */
final class RequestSignatureVerifier {

    private static final List<String> LOCAL_HOST_NAMES = List.of("localhost", "127.0.0.1");

    private final byte[] apiKey;
    private final PublicKey publicKey;
    private final ChangellySimulatorSettings settings;

    RequestSignatureVerifier(ChangellySimulatorSettings settings) {
        this.apiKey = settings.apiKey().getBytes(StandardCharsets.UTF_8);
        this.publicKey = PemKeys.publicKey(settings.requestPublicKey());
        this.settings = settings;
    }

    /** Throws the documented 401 unless the key matches and the signature verifies. */
    void requireAuthentic(SandboxRequest request) {
        if (!isAuthentic(request)) {
            throw ChangellyApiError.unauthorized();
        }
    }

    boolean isAuthentic(SandboxRequest request) {
        String key = request.header("X-Api-Key");
        String signature = request.header("X-Api-Signature");
        if (key == null || signature == null) {
            return false;
        }
        // constant time: the key is a secret
        if (!MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String signedBody = "GET".equals(request.method()) || request.body().length == 0 ? "{}" : request.bodyText();
        String pathAndQuery = request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
        for (String host : LOCAL_HOST_NAMES) {
            if (verifies(settings.baseUrl(host) + pathAndQuery + signedBody, signatureBytes)) {
                return true;
            }
        }
        return false;
    }

    private boolean verifies(String payload, byte[] signatureBytes) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(payload.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // a malformed signature (wrong length, ...) is simply not a valid one
            return false;
        }
    }
}
