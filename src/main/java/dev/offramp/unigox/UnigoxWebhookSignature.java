package dev.offramp.unigox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Unigox webhook signatures: {@code X-Unigox-Signature: sha256=<hex>} where hex is
 * HMAC-SHA256(secret, "<X-Unigox-Timestamp>.<raw body>"). Checked over the raw bytes, before any
 * parsing; compared in constant time; any configured secret verifies (rotation). A correctly signed
 * delivery whose timestamp is further than the tolerance from now, in either direction, is
 * {@link Verdict#STALE_SIGNED}: authentic, but too old (or too new) to trust its body as the current
 * state (Unigox does not document whether a retry is signed again, so a late retry looks like this).
 * The routes store it and fetch the order instead of applying the body (webhook-unigox-stale). A
 * delivery that does not match any secret is a {@link Verdict#MISMATCH} whatever its timestamp.
 */
public final class UnigoxWebhookSignature {

    /** Why a delivery was accepted or refused; names only, never the secret or the body. */
    public enum Verdict {
        VALID, STALE_SIGNED, MISSING_SIGNATURE, MISSING_TIMESTAMP, MALFORMED_SIGNATURE, MALFORMED_TIMESTAMP, MISMATCH;

        /** Signed with one of our secrets, and within the tolerance: its body may be applied. */
        public boolean valid() {
            return this == VALID;
        }

        /** Signed with one of our secrets, fresh or not: the delivery is authentic and may be stored. */
        public boolean signed() {
            return this == VALID || this == STALE_SIGNED;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String PREFIX = "sha256=";

    private final List<byte[]> secrets = new ArrayList<>();
    private final long toleranceSeconds;
    private final Clock clock;

    public UnigoxWebhookSignature(String commaSeparatedSecrets, long toleranceSeconds, Clock clock) {
        if (commaSeparatedSecrets != null) {
            for (String s : commaSeparatedSecrets.split(",")) {
                if (!s.isBlank()) {
                    secrets.add(s.trim().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("UNIGOX_WEBHOOK_SECRETS holds no secret");
        }
        this.toleranceSeconds = toleranceSeconds;
        this.clock = clock;
    }

    public Verdict verify(String signatureHeader, String timestampHeader, byte[] rawBody) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return Verdict.MISSING_SIGNATURE;
        }
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return Verdict.MISSING_TIMESTAMP;
        }
        String header = signatureHeader.trim();
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        byte[] presented;
        try {
            // hex case is not documented by Unigox: accept both
            presented = HexFormat.of().parseHex(header.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        boolean match = false;
        for (byte[] secret : secrets) {
            // every secret is tried, so the timing does not tell which one (if any) matched
            match |= MessageDigest.isEqual(hmac(secret, timestampHeader.trim(), rawBody == null ? new byte[0] : rawBody), presented);
        }
        if (!match) {
            return Verdict.MISMATCH;
        }
        // the timestamp is part of what was signed: only now does its age say something
        return Math.abs(clock.instant().getEpochSecond() - timestamp) > toleranceSeconds ? Verdict.STALE_SIGNED : Verdict.VALID;
    }

    /** The header value a sender with {@code secret} puts on {@code body} at {@code timestamp} (for simulators and tests). */
    public static String signatureHeader(String secret, long timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), Long.toString(timestamp), body));
    }

    private static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
