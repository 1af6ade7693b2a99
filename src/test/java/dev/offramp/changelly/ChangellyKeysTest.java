package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangellyKeysTest {

    private static final String PRIVATE = "CHANGELLY_PRIVATE_KEY";
    private static final String CALLBACK = "CHANGELLY_CALLBACK_PUBLIC_KEYS";

    @TempDir
    static Path dir;
    static OpenSsl openssl;
    static OpenSsl.RsaKeyFiles rsa;
    static OpenSsl.RsaKeyFiles other;

    @BeforeAll
    static void generateKeys() throws Exception {
        openssl = OpenSsl.in(dir);
        rsa = openssl.rsaKeyPair("rsa");
        other = openssl.rsaKeyPair("other");
    }

    @Test
    void pkcs8AndPkcs1PrivateKeysLoadAsTheSameKey() throws Exception {
        PrivateKey fromPkcs8 = ChangellyKeys.privateKey(OpenSsl.base64(rsa.pkcs8()), PRIVATE);
        PrivateKey fromPkcs1 = ChangellyKeys.privateKey(OpenSsl.base64(rsa.pkcs1()), PRIVATE);

        assertThat(fromPkcs8).isInstanceOf(RSAPrivateCrtKey.class);
        assertThat(fromPkcs1.getEncoded()).as("PKCS#1 wrapped into PKCS#8 equals openssl's own PKCS#8")
                .isEqualTo(fromPkcs8.getEncoded());
        RSAPublicKey publicKey = (RSAPublicKey) ChangellyKeys.publicKey(OpenSsl.base64(rsa.publicSpki()), CALLBACK);
        assertThat(((RSAPrivateCrtKey) fromPkcs8).getModulus()).isEqualTo(publicKey.getModulus());
    }

    @Test
    void spkiAndPkcs1PublicKeysLoadAsTheSameKey() throws Exception {
        PublicKey spki = ChangellyKeys.publicKey(OpenSsl.base64(rsa.publicSpki()), CALLBACK);
        PublicKey pkcs1 = ChangellyKeys.publicKey(OpenSsl.base64(rsa.publicPkcs1()), CALLBACK);

        assertThat(pkcs1.getEncoded()).as("PKCS#1 wrapped into SPKI equals openssl's own SPKI")
                .isEqualTo(spki.getEncoded());
    }

    @Test
    void rawPemTextIsAcceptedWithRealOrEscapedLineBreaks() throws Exception {
        String pem = Files.readString(rsa.pkcs8());
        PrivateKey expected = ChangellyKeys.privateKey(OpenSsl.base64(rsa.pkcs8()), PRIVATE);

        assertThat(ChangellyKeys.privateKey(pem, PRIVATE).getEncoded()).isEqualTo(expected.getEncoded());
        assertThat(ChangellyKeys.privateKey(pem.replace("\n", "\\n"), PRIVATE).getEncoded())
                .isEqualTo(expected.getEncoded());
        assertThat(ChangellyKeys.publicKey(Files.readString(rsa.publicPkcs1()), CALLBACK).getEncoded())
                .isEqualTo(ChangellyKeys.publicKey(OpenSsl.base64(rsa.publicSpki()), CALLBACK).getEncoded());
    }

    @Test
    void base64WrappedOverLinesIsAccepted() throws Exception {
        String wrapped = Base64.getMimeEncoder().encodeToString(Files.readAllBytes(rsa.pkcs1()));
        assertThat(wrapped).contains("\r\n");

        assertThat(ChangellyKeys.privateKey(wrapped, PRIVATE).getEncoded())
                .isEqualTo(ChangellyKeys.privateKey(OpenSsl.base64(rsa.pkcs8()), PRIVATE).getEncoded());
    }

    @Test
    void publicKeyListKeepsOrderMixesFormatsAndSkipsBlankEntries() throws Exception {
        String list = " " + OpenSsl.base64(rsa.publicSpki()) + " , " + OpenSsl.base64(other.publicPkcs1()) + ",";

        List<PublicKey> keys = ChangellyKeys.publicKeys(list, CALLBACK);

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).getEncoded())
                .isEqualTo(ChangellyKeys.publicKey(OpenSsl.base64(rsa.publicSpki()), CALLBACK).getEncoded());
        assertThat(keys.get(1).getEncoded())
                .isEqualTo(ChangellyKeys.publicKey(OpenSsl.base64(other.publicSpki()), CALLBACK).getEncoded());
    }

    @Test
    void theConfiguredSandboxKeysLoadAndMatchTheSimulatorsHalves() throws Exception {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config", "application.properties"), StandardCharsets.UTF_8)) {
            config.load(in);
        }

        PrivateKey requestKey = ChangellyKeys.privateKey(config.getProperty("changelly.private-key"), PRIVATE);
        List<PublicKey> callbackKeys = ChangellyKeys.publicKeys(
                config.getProperty("changelly.callback-public-keys"), CALLBACK);

        // The simulator verifies our requests with the public half of changelly.private-key ...
        String url = "http://localhost:8080/sandbox/changelly/v1/currencies?type=crypto";
        String signature = new ChangellyRequestSigner(requestKey).sign(url, null);
        PublicKey simulatorRequestKey = ChangellyKeys.publicKey(
                config.getProperty("sandbox.changelly.request-public-key"), "SANDBOX_CHANGELLY_REQUEST_PUBLIC_KEY");
        assertThat(Signatures.verifies(simulatorRequestKey, url + "{}", signature)).isTrue();

        // ... and signs callbacks with the private half of changelly.callback-public-keys.
        PrivateKey simulatorCallbackKey = ChangellyKeys.privateKey(
                config.getProperty("sandbox.changelly.callback-private-key"), "SANDBOX_CHANGELLY_CALLBACK_PRIVATE_KEY");
        String callbackSignature = Signatures.sign(simulatorCallbackKey, "{\"orderId\":\"sandbox-1\"}");
        assertThat(new ChangellyCallbackVerifier(callbackKeys).verify("sandbox-1", callbackSignature)).isTrue();
    }

    // --- load errors: name the variable, say what is wrong, never echo the key -----------------------

    @Test
    void emptyValuesAreRejected() {
        assertThat(loadError(null, PRIVATE)).isEqualTo("CHANGELLY_PRIVATE_KEY is empty");
        assertThat(loadError("  ", PRIVATE)).isEqualTo("CHANGELLY_PRIVATE_KEY is empty");
        assertThat(publicLoadError(" , ,")).startsWith("CHANGELLY_CALLBACK_PUBLIC_KEYS is empty");
    }

    @Test
    void notBase64IsRejectedWithoutEchoingTheValue() throws Exception {
        // A PEM body with its armour stripped, then damaged: looks like a key, is not base64.
        String value = OpenSsl.base64(rsa.pkcs8()).substring(0, 400) + "%%not-base64%%";

        String message = loadError(value, PRIVATE);

        assertThat(message).startsWith("CHANGELLY_PRIVATE_KEY is not base64");
        assertLeaksNothingOf(message, value);
    }

    @Test
    void base64OfGarbageHasNoPemBlock() {
        String value = Base64.getEncoder().encodeToString(
                "this is not a key, only some text long enough to be cut in chunks".getBytes(StandardCharsets.UTF_8));

        String message = loadError(value, PRIVATE);

        assertThat(message).startsWith("CHANGELLY_PRIVATE_KEY has no PEM block");
        assertLeaksNothingOf(message, value);
    }

    @Test
    void aCorruptKeyInsideAValidPemBlockIsRejected() throws Exception {
        String pem = Files.readString(rsa.pkcs1());
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        // Half the PKCS#1 body: still base64, no longer a key.
        String truncated = "-----BEGIN RSA PRIVATE KEY-----\n" + body.substring(0, 800)
                + "\n-----END RSA PRIVATE KEY-----\n";
        String value = Base64.getEncoder().encodeToString(truncated.getBytes(StandardCharsets.US_ASCII));

        String message = loadError(value, PRIVATE);

        assertThat(message).startsWith("CHANGELLY_PRIVATE_KEY is not a valid RSA private key");
        assertLeaksNothingOf(message, value);
        assertLeaksNothingOf(message, body);
    }

    @Test
    void nonRsaKeysAreRejectedAsSuch() throws Exception {
        Path ec = openssl.file("ec.pem");
        openssl.exec("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ec.toString());
        Path ecTraditional = openssl.file("ec-traditional.pem");
        openssl.exec("pkey", "-in", ec.toString(), "-traditional", "-out", ecTraditional.toString());
        Path ecPublic = openssl.file("ec.pub.pem");
        openssl.exec("pkey", "-in", ec.toString(), "-pubout", "-out", ecPublic.toString());
        assertThat(Files.readString(ec)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(ecTraditional)).startsWith("-----BEGIN EC PRIVATE KEY-----");

        for (Path key : List.of(ec, ecTraditional)) {
            String value = OpenSsl.base64(key);
            String message = loadError(value, PRIVATE);
            assertThat(message).isEqualTo("CHANGELLY_PRIVATE_KEY is not an RSA key (it is EC)");
            assertLeaksNothingOf(message, value);
        }
        assertThat(publicLoadError(OpenSsl.base64(ecPublic)))
                .isEqualTo("CHANGELLY_CALLBACK_PUBLIC_KEYS is not an RSA key (it is EC)");
    }

    @Test
    void encryptedPrivateKeysAreRejected() throws Exception {
        Path encrypted = openssl.file("encrypted.pem");
        openssl.exec("pkey", "-in", rsa.pkcs8().toString(), "-aes256", "-passout", "pass:secret",
                "-out", encrypted.toString());
        String value = OpenSsl.base64(encrypted);

        String message = loadError(value, PRIVATE);

        assertThat(message).isEqualTo("CHANGELLY_PRIVATE_KEY is an encrypted key; give it unencrypted");
        assertLeaksNothingOf(message, value);
    }

    @Test
    void keysOfTheWrongKindAreRejected() throws Exception {
        assertThat(loadError(OpenSsl.base64(rsa.publicSpki()), PRIVATE))
                .isEqualTo("CHANGELLY_PRIVATE_KEY holds a public key where the private key belongs");

        String value = OpenSsl.base64(rsa.publicSpki()) + "," + OpenSsl.base64(rsa.pkcs8());
        String message = publicLoadError(value);
        assertThat(message).startsWith("CHANGELLY_CALLBACK_PUBLIC_KEYS (key 2 of 2) holds a PRIVATE key");
        assertLeaksNothingOf(message, value);
    }

    @Test
    void theBadEntryOfAPublicKeyListIsNamedByPosition() throws Exception {
        String value = OpenSsl.base64(rsa.publicSpki()) + ",not*base64*at*all*but*long*enough*to*chunk";

        assertThat(publicLoadError(value))
                .startsWith("CHANGELLY_CALLBACK_PUBLIC_KEYS (key 2 of 2) is not base64");
    }

    private static String loadError(String value, String setting) {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> ChangellyKeys.privateKey(value, setting));
        assertThat(e).as("loading must fail").isNotNull();
        // No cause: a JDK decoder's message may hold input bytes and would show in a stack trace.
        assertThat(e.getCause()).isNull();
        return e.getMessage();
    }

    private static String publicLoadError(String value) {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> ChangellyKeys.publicKeys(value, CALLBACK));
        assertThat(e).as("loading must fail").isNotNull();
        assertThat(e.getCause()).isNull();
        return e.getMessage();
    }

    /** No 20-character piece of the secret, anywhere in it, appears in the message. */
    static void assertLeaksNothingOf(String message, String secret) {
        assertThat(secret.length()).as("secret long enough to test").isGreaterThanOrEqualTo(20);
        for (int i = 0; i + 20 <= secret.length(); i++) {
            assertThat(message).doesNotContain(secret.substring(i, i + 20));
        }
    }
}
