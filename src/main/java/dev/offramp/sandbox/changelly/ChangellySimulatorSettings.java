package dev.offramp.sandbox.changelly;

/**
 * What the simulator needs to know, as configured ({@code sandbox.changelly.*} and {@code offramp.http-port}).
 *
 * @param apiKey the {@code X-Api-Key} it accepts
 * @param requestPublicKey base64 of the PEM public key that verifies {@code X-Api-Signature}
 * @param callbackPrivateKey base64 of the PEM private key that signs {@code x-callback-signature}
 * @param callbackUrl where callbacks are POSTed; blank = callbacks are recorded as failed, never sent
 * @param stepSeconds seconds between automatic steps created → pending → complete; 0 = only on request
 * @param httpPort the bundle's HTTP port: part of the URL the client signs and of the checkout links
 */
public record ChangellySimulatorSettings(
        String apiKey, String requestPublicKey, String callbackPrivateKey, String callbackUrl, int stepSeconds, int httpPort) {

    /** Where the simulator is mounted on the bundle's HTTP server; the client's base URL ends with it. */
    public static final String MOUNT_POINT = "/sandbox/changelly";

    public ChangellySimulatorSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the simulator needs an API key to accept");
        }
        if (stepSeconds < 0) {
            throw new IllegalArgumentException("stepSeconds must be >= 0");
        }
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        callbackUrl = callbackUrl == null ? "" : callbackUrl.trim();
    }

    /** The URL prefix a client on this machine reaches the simulator at, with the given host name. */
    String baseUrl(String host) {
        return "http://" + host + ":" + httpPort + MOUNT_POINT;
    }
}
