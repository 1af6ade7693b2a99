package dev.offramp.changelly;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The few pieces of DER that loading RSA keys needs, written out so the bundle needs no crypto
 * library: the JDK reads only PKCS#8 and X.509 SubjectPublicKeyInfo, so PKCS#1 keys are wrapped into
 * those, and the algorithm of a PKCS#8/SPKI key is read to tell "not an RSA key" from "corrupt".
 */
final class Der {

    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;
    private static final int NULL = 0x05;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int SEQUENCE = 0x30;

    /** 1.2.840.113549.1.1.1 (rsaEncryption), the content octets of the OID. */
    static final byte[] RSA_ENCRYPTION = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};

    /** AlgorithmIdentifier { rsaEncryption, NULL }: RFC 8017 requires the NULL parameters. */
    private static final byte[] RSA_ALGORITHM_IDENTIFIER =
            tlv(SEQUENCE, concat(tlv(OBJECT_IDENTIFIER, RSA_ENCRYPTION), tlv(NULL, new byte[0])));

    private Der() {
    }

    /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING key } (RFC 5208). */
    static byte[] pkcs8FromPkcs1(byte[] rsaPrivateKey) {
        byte[] version = tlv(INTEGER, new byte[] {0});
        return tlv(SEQUENCE, concat(version, RSA_ALGORITHM_IDENTIFIER, tlv(OCTET_STRING, rsaPrivateKey)));
    }

    /** PKCS#1 RSAPublicKey → SubjectPublicKeyInfo { rsaEncryption, BIT STRING key } (RFC 5280). */
    static byte[] spkiFromPkcs1(byte[] rsaPublicKey) {
        // A BIT STRING's first content octet counts the unused bits of the last octet: none here.
        byte[] bits = concat(new byte[] {0}, rsaPublicKey);
        return tlv(SEQUENCE, concat(RSA_ALGORITHM_IDENTIFIER, tlv(BIT_STRING, bits)));
    }

    /**
     * The algorithm OID (content octets) of a PKCS#8 PrivateKeyInfo or an X.509 SubjectPublicKeyInfo;
     * empty when the bytes do not start like one.
     */
    static Optional<byte[]> algorithmOid(byte[] der, boolean privateKeyInfo) {
        try {
            Reader in = new Reader(der);
            in.enter(SEQUENCE);
            if (privateKeyInfo) {
                in.skip(INTEGER);
            }
            in.enter(SEQUENCE);
            return Optional.of(in.content(OBJECT_IDENTIFIER));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    static byte[] tlv(int tag, byte[] content) {
        return concat(new byte[] {(byte) tag}, length(content.length), content);
    }

    /** DER definite length: short form below 128, else 0x80 | count followed by the big-endian bytes. */
    static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int count = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[1 + count];
        out[0] = (byte) (0x80 | count);
        for (int i = count, rest = length; i > 0; i--, rest >>>= 8) {
            out[i] = (byte) rest;
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Walks DER forward; anything unexpected is an IllegalArgumentException. */
    private static final class Reader {
        private final byte[] der;
        private int pos;

        Reader(byte[] der) {
            this.der = der;
        }

        /** Moves into the element with this tag; returns the end offset of its content. */
        int enter(int tag) {
            if (next() != tag) {
                throw new IllegalArgumentException("unexpected tag");
            }
            int length = readLength();
            if (length > der.length - pos) {
                throw new IllegalArgumentException("length past the end");
            }
            return pos + length;
        }

        void skip(int tag) {
            pos = enter(tag);
        }

        byte[] content(int tag) {
            int end = enter(tag);
            byte[] content = Arrays.copyOfRange(der, pos, end);
            pos = end;
            return content;
        }

        private int readLength() {
            int first = next();
            if (first < 0x80) {
                return first;
            }
            int count = first & 0x7f;
            // 0 would be BER's indefinite length; more than 3 bytes (16 MB) is no key.
            if (count == 0 || count > 3) {
                throw new IllegalArgumentException("unsupported length");
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | next();
            }
            return length;
        }

        private int next() {
            if (pos >= der.length) {
                throw new IllegalArgumentException("truncated");
            }
            return der[pos++] & 0xff;
        }
    }
}
