package dev.offramp.sandbox.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys as base64 of PEM, in both the PKCS#8/SPKI and the PKCS#1 flavour (converted here by openssl). */
class PemKeysTest {

    @TempDir
    Path tmp;

    @Test
    void pkcs1KeysAreTheSameKeysAsTheirStandardForms() throws Exception {
        Path privatePem = Files.writeString(tmp.resolve("private.pem"), SandboxKeys.pem("changelly.private-key"));
        Path publicPem = Files.writeString(tmp.resolve("public.pem"), SandboxKeys.pem("sandbox.changelly.request-public-key"));
        String pkcs1Private = openssl("pkey", "-in", privatePem.toString(), "-traditional");
        String pkcs1Public = openssl("rsa", "-pubin", "-in", publicPem.toString(), "-RSAPublicKey_out");
        assertThat(pkcs1Private).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(pkcs1Public).startsWith("-----BEGIN RSA PUBLIC KEY-----");

        PrivateKey fromPkcs1 = PemKeys.privateKey(base64(pkcs1Private));
        PublicKey fromSpki = PemKeys.publicKey(SandboxKeys.property("sandbox.changelly.request-public-key"));
        PublicKey fromPkcs1Public = PemKeys.publicKey(base64(pkcs1Public));

        assertThat(fromPkcs1.getEncoded()).isEqualTo(SandboxKeys.clientPrivateKey().getEncoded());
        assertThat(fromPkcs1Public.getEncoded()).isEqualTo(fromSpki.getEncoded());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(fromPkcs1);
        signer.update("payload".getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(fromPkcs1Public);
        verifier.update("payload".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void aPlainPemIsAcceptedTooAndGarbageIsNot() {
        assertThat(PemKeys.publicKey(SandboxKeys.callbackPublicKeyPem()).getAlgorithm()).isEqualTo("RSA");
        assertThatThrownBy(() -> PemKeys.publicKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PemKeys.publicKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PemKeys.privateKey(SandboxKeys.property("sandbox.changelly.request-public-key")))
                .hasMessageContaining("not a private key");
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static String openssl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return output;
    }
}
