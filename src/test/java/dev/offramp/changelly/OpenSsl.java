package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The openssl command line, as the independent implementation the tests check our keys and
 * signatures against. Missing openssl fails the tests: without it they would prove nothing.
 */
final class OpenSsl {

    private final Path dir;
    private final boolean version3;

    private OpenSsl(Path dir, boolean version3) {
        this.dir = dir;
        this.version3 = version3;
    }

    /** @throws AssertionError when openssl cannot be run */
    static OpenSsl in(Path dir) throws Exception {
        String version;
        try {
            version = new String(run(dir, List.of("openssl", "version")), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AssertionError("openssl is required by these tests and could not be run", e);
        }
        assertThat(version).as("openssl version").startsWith("OpenSSL");
        return new OpenSsl(dir, version.startsWith("OpenSSL 3"));
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** A fresh 2048-bit RSA key pair under this prefix, in every format the loader accepts. */
    RsaKeyFiles rsaKeyPair(String prefix) throws Exception {
        RsaKeyFiles files = new RsaKeyFiles(file(prefix + ".pkcs8.pem"), file(prefix + ".pkcs1.pem"),
                file(prefix + ".pub.pem"), file(prefix + ".rsapub.pem"));
        exec("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", files.pkcs8().toString());
        // OpenSSL 3 writes PKCS#8 unless told -traditional; 1.1's `rsa` writes PKCS#1 by default.
        if (version3) {
            exec("pkey", "-in", files.pkcs8().toString(), "-traditional", "-out", files.pkcs1().toString());
        } else {
            exec("rsa", "-in", files.pkcs8().toString(), "-out", files.pkcs1().toString());
        }
        exec("pkey", "-in", files.pkcs8().toString(), "-pubout", "-out", files.publicSpki().toString());
        exec("rsa", "-in", files.pkcs8().toString(), "-RSAPublicKey_out", "-out", files.publicPkcs1().toString());

        assertThat(Files.readString(files.pkcs8())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(files.pkcs1())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(files.publicSpki())).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(files.publicPkcs1())).startsWith("-----BEGIN RSA PUBLIC KEY-----");
        return files;
    }

    /** openssl dgst -sha256 -sign: RSA PKCS#1 v1.5 over exactly these bytes. */
    byte[] sign(Path privateKey, byte[] data) throws Exception {
        Path in = Files.write(Files.createTempFile(dir, "data", ".txt"), data);
        Path sig = Files.createTempFile(dir, "sig", ".bin");
        exec("dgst", "-sha256", "-sign", privateKey.toString(), "-out", sig.toString(), in.toString());
        return Files.readAllBytes(sig);
    }

    /** openssl dgst -sha256 -verify; true only on exit code 0 and "Verified OK". */
    boolean verify(Path publicKey, byte[] data, byte[] signature) throws Exception {
        Path in = Files.write(Files.createTempFile(dir, "data", ".txt"), data);
        Path sig = Files.write(Files.createTempFile(dir, "sig", ".bin"), signature);
        Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", publicKey.toString(),
                "-signature", sig.toString(), in.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("openssl dgst -verify finished").isTrue();
        return p.exitValue() == 0 && out.contains("Verified OK");
    }

    /** Runs openssl with these arguments; fails the test on a non-zero exit. */
    byte[] exec(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    static String base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    private static byte[] run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("exit code of %s: %s", command, new String(out, StandardCharsets.UTF_8))
                .isZero();
        return out;
    }

    /** The PEM files of one RSA key pair. */
    record RsaKeyFiles(Path pkcs8, Path pkcs1, Path publicSpki, Path publicPkcs1) {
    }
}
