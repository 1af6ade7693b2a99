package dev.offramp.sandbox.changelly;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys in the form Changelly hands them out: base64 of a PEM text. Both PEM flavours are read
 * (PKCS#8 / SPKI and the older PKCS#1 "RSA ... KEY"), because which one a manager sends is undocumented;
 * PKCS#1 is wrapped into the standard structure so the JDK alone can load it.
 */
final class PemKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemKeys() {
    }

    static PublicKey publicKey(String base64Pem) {
        Pem pem = decode(base64Pem);
        byte[] der = switch (pem.type()) {
            case "PUBLIC KEY" -> pem.der();
            case "RSA PUBLIC KEY" -> sequence(concat(RSA_ALGORITHM_ID, bitString(pem.der())));
            default -> throw new IllegalArgumentException("not a public key PEM: " + pem.type());
        };
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable RSA public key", e);
        }
    }

    static PrivateKey privateKey(String base64Pem) {
        Pem pem = decode(base64Pem);
        byte[] der = switch (pem.type()) {
            case "PRIVATE KEY" -> pem.der();
            // PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING { RSAPrivateKey } }
            case "RSA PRIVATE KEY" -> sequence(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM_ID, tagged(0x04, pem.der())));
            default -> throw new IllegalArgumentException("not a private key PEM: " + pem.type());
        };
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable RSA private key", e);
        }
    }

    private record Pem(String type, byte[] der) {
    }

    /** Accepts base64 of a PEM (the documented form) and, for convenience, a PEM text itself. */
    private static Pem decode(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no key given");
        }
        String text = value.trim();
        if (!text.startsWith("-----BEGIN")) {
            try {
                text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key is neither PEM nor base64 of PEM", e);
            }
        }
        Matcher m = PEM.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("key is not a PEM text");
        }
        return new Pem(m.group(1), Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", "")));
    }

    private static byte[] sequence(byte[] content) {
        return tagged(0x30, content);
    }

    private static byte[] bitString(byte[] content) {
        return tagged(0x03, concat(new byte[] {0x00}, content));
    }

    /** DER tag-length-value with definite length (short or long form). */
    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
