package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.unigox.UnigoxWebhookSignature.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnigoxWebhookSignatureTest {

    static final long NOW = 1_790_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    static final byte[] BODY = "{\"event_id\":\"evt_1\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\"o-1\",\"status\":\"crypto_received\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    final UnigoxWebhookSignature verifier = new UnigoxWebhookSignature("old-secret, current-secret", 300, CLOCK);

    /** The expected header computed by openssl, an implementation independent of ours. */
    String opensslHeader(String secret, long timestamp, byte[] body) throws Exception {
        Path message = dir.resolve("message");
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        Files.write(message, all);
        Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-hmac", secret, "-r", message.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(p.exitValue()).as(out).isZero();
        return "sha256=" + out.split("\\s+")[0];
    }

    @Test
    void headerMatchesAnIndependentOpensslComputation() throws Exception {
        assertThat(UnigoxWebhookSignature.signatureHeader("current-secret", NOW, BODY))
                .isEqualTo(opensslHeader("current-secret", NOW, BODY));
    }

    @Test
    void opensslSignedDeliveryVerifiesWithEitherRotatedSecret() throws Exception {
        assertThat(verifier.verify(opensslHeader("current-secret", NOW, BODY), Long.toString(NOW), BODY)).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(opensslHeader("old-secret", NOW, BODY), Long.toString(NOW), BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void upperCaseHexIsAccepted() throws Exception {
        String header = opensslHeader("current-secret", NOW, BODY);
        assertThat(verifier.verify("sha256=" + header.substring(7).toUpperCase(), Long.toString(NOW), BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void unknownSecretIsAMismatch() throws Exception {
        assertThat(verifier.verify(opensslHeader("someone-else", NOW, BODY), Long.toString(NOW), BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void oneChangedByteOfTheBodyIsAMismatch() throws Exception {
        String header = opensslHeader("current-secret", NOW, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 5] = (byte) 'X';
        assertThat(verifier.verify(header, Long.toString(NOW), tampered)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void reserialisedJsonIsAMismatch() throws Exception {
        // same JSON meaning, other bytes: the signature covers the raw bytes, not the parsed document
        String header = opensslHeader("current-secret", NOW, BODY);
        byte[] spaced = new String(BODY, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(header, Long.toString(NOW), spaced)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void timestampIsPartOfTheSignature() throws Exception {
        String header = opensslHeader("current-secret", NOW, BODY);
        assertThat(verifier.verify(header, Long.toString(NOW + 1), BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void correctlySignedTimestampsOutsideTheToleranceAreStaleInBothDirections() throws Exception {
        long past = NOW - 301;
        long future = NOW + 301;
        assertThat(verifier.verify(opensslHeader("current-secret", past, BODY), Long.toString(past), BODY)).isEqualTo(Verdict.STALE_SIGNED);
        assertThat(verifier.verify(opensslHeader("old-secret", future, BODY), Long.toString(future), BODY)).isEqualTo(Verdict.STALE_SIGNED);
        long edge = NOW - 300;
        assertThat(verifier.verify(opensslHeader("current-secret", edge, BODY), Long.toString(edge), BODY)).isEqualTo(Verdict.VALID);
        assertThat(Verdict.STALE_SIGNED.signed()).isTrue();
        assertThat(Verdict.STALE_SIGNED.valid()).isFalse();
    }

    @Test
    void aStaleDeliveryThatIsNotSignedByUsIsAMismatchNotStale() throws Exception {
        long past = NOW - 3600;
        assertThat(verifier.verify(opensslHeader("someone-else", past, BODY), Long.toString(past), BODY)).isEqualTo(Verdict.MISMATCH);
        // an old genuine signature moved onto another timestamp does not verify either
        String old = opensslHeader("current-secret", past, BODY);
        assertThat(verifier.verify(old, Long.toString(NOW), BODY)).isEqualTo(Verdict.MISMATCH);
        assertThat(Verdict.MISMATCH.signed()).isFalse();
    }

    @Test
    void missingAndMalformedHeadersAreNamed() throws IOException {
        String ts = Long.toString(NOW);
        assertThat(verifier.verify(null, ts, BODY)).isEqualTo(Verdict.MISSING_SIGNATURE);
        assertThat(verifier.verify("", ts, BODY)).isEqualTo(Verdict.MISSING_SIGNATURE);
        assertThat(verifier.verify("sha256=00", null, BODY)).isEqualTo(Verdict.MISSING_TIMESTAMP);
        assertThat(verifier.verify("md5=abcd", ts, BODY)).isEqualTo(Verdict.MALFORMED_SIGNATURE);
        assertThat(verifier.verify("sha256=not-hex", ts, BODY)).isEqualTo(Verdict.MALFORMED_SIGNATURE);
        assertThat(verifier.verify("sha256=abcd", "yesterday", BODY)).isEqualTo(Verdict.MALFORMED_TIMESTAMP);
        assertThat(verifier.verify("sha256=abcd", ts, BODY)).isEqualTo(Verdict.MISMATCH);
    }
}
