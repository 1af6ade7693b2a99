package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callback signatures made by openssl, as Changelly's would be, checked by our verifier. */
class ChangellyCallbackVerifierTest {

    @TempDir
    static Path dir;
    static OpenSsl openssl;
    static OpenSsl.RsaKeyFiles current;
    static OpenSsl.RsaKeyFiles next;
    static PublicKey currentKey;
    static PublicKey nextKey;

    @BeforeAll
    static void generateKeys() throws Exception {
        openssl = OpenSsl.in(dir);
        current = openssl.rsaKeyPair("current");
        next = openssl.rsaKeyPair("next");
        currentKey = ChangellyKeys.publicKey(OpenSsl.base64(current.publicSpki()), "K");
        nextKey = ChangellyKeys.publicKey(OpenSsl.base64(next.publicPkcs1()), "K");
    }

    private static String opensslSignature(OpenSsl.RsaKeyFiles keys, String content) throws Exception {
        return Base64.getEncoder().encodeToString(
                openssl.sign(keys.pkcs8(), content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignatureOverTheOrderIdVerifiesForThatOrderOnly() throws Exception {
        String signature = opensslSignature(current, "{\"orderId\":\"abc-123\"}");
        ChangellyCallbackVerifier verifier = new ChangellyCallbackVerifier(List.of(currentKey));

        assertThat(verifier.verify("abc-123", signature)).isTrue();
        assertThat(verifier.verify("abc-124", signature)).isFalse();
        assertThat(verifier.verify("abc-123 ", signature)).isFalse();
    }

    @Test
    void anyConfiguredKeyVerifiesSoKeysCanRotate() throws Exception {
        String signedByNext = opensslSignature(next, "{\"orderId\":\"abc-123\"}");

        assertThat(new ChangellyCallbackVerifier(List.of(currentKey, nextKey)).verify("abc-123", signedByNext))
                .isTrue();
        assertThat(new ChangellyCallbackVerifier(List.of(currentKey)).verify("abc-123", signedByNext))
                .as("a key that is not configured").isFalse();
    }

    @Test
    void missingOrMalformedSignaturesAreFalseNeverAnException() throws Exception {
        ChangellyCallbackVerifier verifier = new ChangellyCallbackVerifier(List.of(currentKey, nextKey));
        String good = opensslSignature(current, "{\"orderId\":\"abc-123\"}");

        assertThat(verifier.verify("abc-123", null)).isFalse();
        assertThat(verifier.verify("abc-123", "")).isFalse();
        assertThat(verifier.verify("abc-123", "%%% not base64 %%%")).isFalse();
        assertThat(verifier.verify("abc-123", "AAAA")).as("base64, but far too short").isFalse();
        assertThat(verifier.verify("abc-123", good.substring(4))).isFalse();
        assertThat(verifier.verify(null, good)).isFalse();
        assertThat(verifier.verify("abc-123", " " + good + "\n")).as("header whitespace is not content").isTrue();
    }

    @Test
    void orderIdsAreEscapedExactlyAsJsonStringifyDoes() throws Exception {
        ChangellyCallbackVerifier verifier = new ChangellyCallbackVerifier(List.of(currentKey));

        // Expected values are what node's JSON.stringify({orderId}) prints for the same ids.
        assertThat(verifier.signedContent("5154302e-3stl-75p4")).isEqualTo("{\"orderId\":\"5154302e-3stl-75p4\"}");
        assertThat(verifier.signedContent("a\"b\\c/d")).isEqualTo("{\"orderId\":\"a\\\"b\\\\c/d\"}");
        assertThat(verifier.signedContent("é€😀<>&'\u007f\u2028"))
                .isEqualTo("{\"orderId\":\"é€😀<>&'\u007f\u2028\"}");
        assertThat(verifier.signedContent("\b\t\n\f\r\u0000\u0001\u001f"))
                .isEqualTo("{\"orderId\":\"\\b\\t\\n\\f\\r\\u0000\\u0001\\u001f\"}");
        assertThat(verifier.signedContent("x\ud800y\udc00z\udc00\ud800"))
                .isEqualTo("{\"orderId\":\"x\\ud800y\\udc00z\\udc00\\ud800\"}");

        // And the signed bytes are UTF-8 of that text: openssl signs it, we verify it.
        String id = "ordér-\"7\"\\€😀";
        String signature = opensslSignature(current, "{\"orderId\":\"ordér-\\\"7\\\"\\\\€😀\"}");
        assertThat(verifier.verify(id, signature)).isTrue();
    }

    @Test
    void aVerifierWithoutKeysIsRefused() {
        assertThatThrownBy(() -> new ChangellyCallbackVerifier(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withChangellySwitchedOffNothingVerifies() throws Exception {
        String signature = opensslSignature(current, "{\"orderId\":\"abc-123\"}");
        assertThat(new ChangellyCallbackVerifier(List.of(currentKey)).verify("abc-123", signature)).isTrue();
        assertThat(ChangellyCallbackVerifier.acceptingNothing().verify("abc-123", signature)).isFalse();
    }
}
