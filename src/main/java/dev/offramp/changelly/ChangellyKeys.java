package dev.offramp.changelly;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the Changelly RSA keys from their configured values.
 *
 * <p>A value is base64 of a PEM text, as Changelly issues keys. The PEM text itself is accepted too
 * (with real line breaks or literal {@code \n}), because ops paste key files into env files; a
 * standard base64 string never contains {@code -}, so the two cannot be confused. Private keys may be
 * PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}); public keys X.509
 * SPKI ({@code BEGIN PUBLIC KEY}) or PKCS#1 ({@code BEGIN RSA PUBLIC KEY}).
 *
 * <p>Every failure is an {@link IllegalArgumentException} that starts with the name of the setting
 * and says what is wrong ("CHANGELLY_PRIVATE_KEY is not base64 ..."). It never carries key material, and never a cause: the JDK's decoders put
 * input bytes into their messages, which would end up in a start-up stack trace.
 */
public final class ChangellyKeys {

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Algorithms worth naming when a key is not RSA, by OID content octets in hex. */
    private static final Map<String, String> OTHER_ALGORITHMS = Map.of(
            "2a8648ce3d0201", "EC",
            "2a8648ce380401", "DSA",
            "2b6570", "Ed25519",
            "2b6571", "Ed448",
            "2b656e", "X25519",
            "2b656f", "X448");
    /** RSASSA-PSS (1.2.840.113549.1.1.10): RSA, but restricted to PSS, so it cannot sign PKCS#1 v1.5. */
    private static final String RSASSA_PSS = "2a864886f70d01010a";

    private ChangellyKeys() {
    }

    /**
     * @param configured the setting's value: base64 of a PEM private key, or the PEM text
     * @param setting    the environment variable that holds it, for the error message
     */
    public static PrivateKey privateKey(String configured, String setting) {
        Block block = pemBlock(pemText(configured, setting), "PRIVATE KEY", "RSA PRIVATE KEY", setting);
        byte[] pkcs8 = block.label.equals("RSA PRIVATE KEY") ? Der.pkcs8FromPkcs1(block.der) : block.der;
        if (block.label.equals("PRIVATE KEY")) {
            requireRsaAlgorithm(pkcs8, true, setting);
        }
        try {
            return rsaKeyFactory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw invalid(setting, "is not a valid RSA private key (the PEM block is corrupt or truncated)");
        }
    }

    /**
     * @param commaSeparated the setting's value: one or more keys as {@link #publicKey} takes them
     * @param setting        the environment variable that holds them, for the error message
     * @return the keys in configured order; blank entries (a trailing comma) are skipped
     */
    public static List<PublicKey> publicKeys(String commaSeparated, String setting) {
        List<String> entries = new ArrayList<>();
        // Neither base64 nor a PEM text contains a comma, so splitting is safe for both forms.
        for (String entry : (commaSeparated == null ? "" : commaSeparated).split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw invalid(setting, "is empty (expected one or more base64 PEM RSA public keys, comma-separated)");
        }
        List<PublicKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.size() == 1 ? setting
                    : setting + " (key " + (i + 1) + " of " + entries.size() + ")";
            keys.add(publicKey(entries.get(i), name));
        }
        return List.copyOf(keys);
    }

    /**
     * @param configured one key: base64 of a PEM public key, or the PEM text
     * @param setting    the environment variable that holds it, for the error message
     */
    public static PublicKey publicKey(String configured, String setting) {
        Block block = pemBlock(pemText(configured, setting), "PUBLIC KEY", "RSA PUBLIC KEY", setting);
        byte[] spki = block.label.equals("RSA PUBLIC KEY") ? Der.spkiFromPkcs1(block.der) : block.der;
        if (block.label.equals("PUBLIC KEY")) {
            requireRsaAlgorithm(spki, false, setting);
        }
        try {
            return rsaKeyFactory().generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw invalid(setting, "is not a valid RSA public key (the PEM block is corrupt or truncated)");
        }
    }

    /** The PEM text inside the configured value. */
    private static String pemText(String configured, String setting) {
        if (configured == null || configured.isBlank()) {
            throw invalid(setting, "is empty");
        }
        String value = configured.strip();
        if (value.contains("-----BEGIN")) {
            // The PEM text given directly; env files often carry its line breaks as literal "\n".
            return value.replace("\\n", "\n");
        }
        try {
            // Whitespace is dropped first: tools such as `base64` wrap their output at 76 columns.
            byte[] decoded = Base64.getDecoder().decode(WHITESPACE.matcher(value).replaceAll(""));
            return new String(decoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(setting, "is not base64 (expected base64 of a PEM key, or the PEM text itself)");
        }
    }

    /** The first PEM block with one of the two accepted labels, its body decoded. */
    private static Block pemBlock(String text, String standardLabel, String pkcs1Label, String setting) {
        Matcher m = PEM_BLOCK.matcher(text);
        String firstKeyLabel = null;
        while (m.find()) {
            String label = m.group(1);
            if (label.equals(standardLabel) || label.equals(pkcs1Label)) {
                return new Block(label, body(m.group(2), setting));
            }
            if (firstKeyLabel == null && label.endsWith("KEY")) {
                firstKeyLabel = label;
            }
        }
        if (firstKeyLabel != null) {
            throw invalid(setting, wrongKind(firstKeyLabel, standardLabel.equals("PRIVATE KEY")));
        }
        throw invalid(setting, "has no PEM block (expected -----BEGIN " + standardLabel + "----- or -----BEGIN "
                + pkcs1Label + "-----)");
    }

    private static byte[] body(String body, String setting) {
        // RFC 1421 headers (Proc-Type, DEK-Info) only appear on password-encrypted traditional keys.
        if (body.contains(":")) {
            throw invalid(setting, "is an encrypted key; give it unencrypted");
        }
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(body).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw invalid(setting, "has a PEM block whose body is not base64");
        }
    }

    /** Says why a key block with another label is not accepted, without echoing anything unknown. */
    private static String wrongKind(String label, boolean wantPrivate) {
        if (label.startsWith("ENCRYPTED ")) {
            return "is an encrypted key; give it unencrypted";
        }
        if (wantPrivate && label.endsWith("PUBLIC KEY")) {
            return "holds a public key where the private key belongs";
        }
        if (!wantPrivate && label.endsWith("PRIVATE KEY")) {
            return "holds a PRIVATE key where only public keys belong; replace it and treat the private key as leaked";
        }
        if (label.startsWith("EC ") || label.startsWith("DSA ")) {
            return "is not an RSA key (it is " + label.substring(0, label.indexOf(' ')) + ")";
        }
        if (label.startsWith("OPENSSH ")) {
            return "is in OpenSSH format; give a PEM key (PKCS#8 or PKCS#1)";
        }
        return wantPrivate
                ? "has no supported PEM block (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)"
                : "has no supported PEM block (expected -----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----)";
    }

    /** Reads the algorithm of a PKCS#8 or SPKI key, so that an EC key is reported as such, not as corrupt. */
    private static void requireRsaAlgorithm(byte[] der, boolean privateKeyInfo, String setting) {
        byte[] oid = Der.algorithmOid(der, privateKeyInfo).orElse(null);
        if (oid == null) {
            throw invalid(setting, "is not a valid " + (privateKeyInfo ? "PKCS#8 private" : "X.509 public")
                    + " key (the PEM block is corrupt or truncated)");
        }
        if (Arrays.equals(oid, Der.RSA_ENCRYPTION)) {
            return;
        }
        String hex = HexFormat.of().formatHex(oid);
        if (hex.equals(RSASSA_PSS)) {
            throw invalid(setting, "is an RSASSA-PSS key, which cannot be used with SHA256withRSA (PKCS#1 v1.5)");
        }
        String algorithm = OTHER_ALGORITHMS.get(hex);
        throw invalid(setting, "is not an RSA key" + (algorithm == null ? "" : " (it is " + algorithm + ")"));
    }

    private static KeyFactory rsaKeyFactory() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JRE", e);
        }
    }

    private static IllegalArgumentException invalid(String setting, String what) {
        return new IllegalArgumentException(setting + " " + what);
    }

    private record Block(String label, byte[] der) {
    }
}
