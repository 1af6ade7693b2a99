package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our signatures against openssl's, in both directions, for both private key formats. */
class ChangellyRequestSignerTest {

    private static final String GET_URL = "http://localhost:8080/sandbox/changelly/v1/sell/offers"
            + "?currencyFrom=USDT&currencyTo=EUR&amountFrom=100&country=DE";
    private static final String POST_URL = "http://localhost:8080/sandbox/changelly/v1/sell/orders";
    /** Non-ASCII on purpose: the signed bytes are UTF-8. */
    private static final String POST_BODY = "{\"externalOrderId\":\"ord-1\",\"externalUserId\":\"user-ü-1\","
            + "\"providerCode\":\"moonpay\",\"currencyFrom\":\"USDT\",\"currencyTo\":\"EUR\",\"amountFrom\":\"100\","
            + "\"country\":\"DE\",\"refundAddress\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\"}";

    @TempDir
    static Path dir;
    static OpenSsl openssl;
    static OpenSsl.RsaKeyFiles rsa;
    static ChangellyRequestSigner fromPkcs8;
    static ChangellyRequestSigner fromPkcs1;

    @BeforeAll
    static void generateKeys() throws Exception {
        openssl = OpenSsl.in(dir);
        rsa = openssl.rsaKeyPair("request");
        fromPkcs8 = new ChangellyRequestSigner(ChangellyKeys.privateKey(OpenSsl.base64(rsa.pkcs8()), "K"));
        fromPkcs1 = new ChangellyRequestSigner(ChangellyKeys.privateKey(OpenSsl.base64(rsa.pkcs1()), "K"));
    }

    @Test
    void signatureBaseIsUrlFollowedByBodyOrEmptyObject() {
        assertThat(fromPkcs8.signatureBase(GET_URL, null)).isEqualTo(GET_URL + "{}");
        assertThat(fromPkcs8.signatureBase(GET_URL, "")).isEqualTo(GET_URL + "{}");
        assertThat(fromPkcs8.signatureBase(POST_URL, POST_BODY)).isEqualTo(POST_URL + POST_BODY);
        assertThatThrownBy(() -> fromPkcs8.sign(null, "{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getSignatureVerifiesWithOpenssl() throws Exception {
        String signature = fromPkcs8.sign(GET_URL, null);

        assertThat(signature).doesNotContain("\n").doesNotContain("\r");
        byte[] data = (GET_URL + "{}").getBytes(StandardCharsets.UTF_8);
        assertThat(openssl.verify(rsa.publicSpki(), data, Base64.getDecoder().decode(signature))).isTrue();
        assertThat(openssl.verify(rsa.publicSpki(), "tampered".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(signature))).as("a different message must not verify").isFalse();
    }

    @Test
    void postSignatureVerifiesWithOpenssl() throws Exception {
        String signature = fromPkcs1.sign(POST_URL, POST_BODY);

        byte[] data = (POST_URL + POST_BODY).getBytes(StandardCharsets.UTF_8);
        assertThat(openssl.verify(rsa.publicSpki(), data, Base64.getDecoder().decode(signature))).isTrue();
    }

    @Test
    void opensslSignaturesAreByteIdenticalToOursForBothKeyFormats() throws Exception {
        // PKCS#1 v1.5 is deterministic: same key and message, same bytes.
        for (String[] request : List.of(new String[] {GET_URL, null}, new String[] {POST_URL, POST_BODY})) {
            String base = fromPkcs8.signatureBase(request[0], request[1]);
            byte[] fromOpenssl = openssl.sign(rsa.pkcs8(), base.getBytes(StandardCharsets.UTF_8));

            assertThat(Base64.getDecoder().decode(fromPkcs8.sign(request[0], request[1]))).isEqualTo(fromOpenssl);
            assertThat(Base64.getDecoder().decode(fromPkcs1.sign(request[0], request[1]))).isEqualTo(fromOpenssl);
            assertThat(openssl.sign(rsa.pkcs1(), base.getBytes(StandardCharsets.UTF_8))).isEqualTo(fromOpenssl);
        }
    }

    @Test
    void concurrentCallsEachGetTheirOwnCorrectSignature() throws Exception {
        String expectedGet = fromPkcs8.sign(GET_URL, null);
        String expectedPost = fromPkcs8.sign(POST_URL, POST_BODY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean get = i % 2 == 0;
                calls.add(() -> get ? fromPkcs8.sign(GET_URL, null).equals(expectedGet)
                        : fromPkcs8.sign(POST_URL, POST_BODY).equals(expectedPost));
            }
            Set<Boolean> outcomes = new HashSet<>();
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactly(true);
        } finally {
            pool.shutdownNow();
        }
    }
}
