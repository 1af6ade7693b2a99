package dev.offramp.sandbox.unigox;

/**
 * What the simulator is started with ({@code sandbox.unigox.*}).
 *
 * @param apiKey the partner key every call must send as X-API-Key
 * @param webhookSecret the secret webhooks are signed with
 * @param stepSeconds seconds between automatic steps; 0 = only through the control endpoints
 * @param quoteTtlSeconds quote lifetime
 */
public record UnigoxSimulatorSettings(String apiKey, String webhookSecret, long stepSeconds, long quoteTtlSeconds) {

    public UnigoxSimulatorSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("sandbox.unigox.api-key is empty");
        }
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("sandbox.unigox.webhook-secret is empty");
        }
        if (stepSeconds < 0) {
            throw new IllegalArgumentException("sandbox.unigox.step-seconds must be 0 or more");
        }
        if (quoteTtlSeconds <= 0) {
            throw new IllegalArgumentException("sandbox.unigox.quote-ttl-seconds must be more than 0");
        }
    }
}
