package dev.offramp.changelly;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Plain JDK SHA256withRSA, for checks that only need to know two halves of a key pair match. */
final class Signatures {

    private Signatures() {
    }

    static String sign(PrivateKey key, String content) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(content.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static boolean verifies(PublicKey key, String content, String signatureBase64) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(content.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(signatureBase64));
    }
}
