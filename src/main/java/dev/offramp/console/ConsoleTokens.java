package dev.offramp.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests and constant-time comparison of session ids and CSRF tokens. */
final class ConsoleTokens {

    private ConsoleTokens() {
    }

    static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(value)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Equal, in time that does not depend on where they differ. */
    static boolean same(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(bytes(digest(expected)), bytes(digest(presented)));
    }
}
