package dev.offramp.sandbox.changelly;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import dev.offramp.config.ConfigFiles;
import java.util.Properties;

/**
 * The sandbox key pairs as the bundle's configuration holds them (config/application.properties), loaded
 * here with plain java.security so the tests do not lean on the simulator's own key parsing.
 */
final class SandboxKeys {

    static final int HTTP_PORT = 8080;

    private static final Properties PROPERTIES = ConfigFiles.embeddedDefaults();

    private SandboxKeys() {
    }

    static String property(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " missing in config/application.properties");
        }
        return value.trim();
    }

    /** The API key clients send ({@code changelly.api-key}). */
    static String apiKey() {
        return property("changelly.api-key");
    }

    /** The bundle's request-signing key ({@code changelly.private-key}). */
    static PrivateKey clientPrivateKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem("changelly.private-key"))));
    }

    /** The key the bundle verifies callbacks with ({@code changelly.callback-public-keys}, one key). */
    static PublicKey callbackPublicKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(callbackPublicKeyPem())));
    }

    static String callbackPublicKeyPem() {
        return pem("changelly.callback-public-keys");
    }

    static String pem(String key) {
        return new String(Base64.getDecoder().decode(property(key)), StandardCharsets.UTF_8);
    }

    /** Simulator settings with the configured sandbox keys. */
    static ChangellySimulatorSettings settings(String callbackUrl, int stepSeconds) {
        return new ChangellySimulatorSettings(apiKey(), property("sandbox.changelly.request-public-key"),
                property("sandbox.changelly.callback-private-key"), callbackUrl, stepSeconds, HTTP_PORT);
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
