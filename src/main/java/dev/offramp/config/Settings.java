package dev.offramp.config;

import dev.offramp.status.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings table: every setting that is a secret or that production cannot run without, once. It
 * feeds the {@code prod} check ({@link RequiredSettings}), the log masking (the environment variables
 * {@code SecretValues} reads, the keys {@link BundleConfiguration} registers), and the tests that the
 * README's configuration table, {@code config/application-prod.properties} and
 * {@code camel.main.additional-sensitive-keywords} agree with it (SettingsTest).
 *
 * <p>Order matters: the prod refusal names missing variables in table order (common ones first, then
 * each upstream's in {@link Provider} order). Plain Java, no Camel: {@code SecretValues} reads it
 * before anything else exists.
 */
public final class Settings {

    /** Whether production requires a setting. */
    public enum Required {
        /** has a usable default, or is not read in production */
        NO,
        /** every production deployment */
        ALWAYS,
        /** production deployments that use {@link Setting#upstream()} */
        WHEN_UPSTREAM_ENABLED
    }

    /**
     * One setting.
     *
     * @param key the property key, e.g. {@code offramp.db.url}
     * @param variable the environment variable that sets it (the key in upper case, '.' and '-' as '_')
     * @param secret its value never reaches a log line
     * @param required whether {@code prod} refuses to start without it
     * @param upstream the upstream it belongs to, or null for the common ones
     * @param description what it is, in a few words
     */
    public record Setting(String key, String variable, boolean secret, Required required, Provider upstream, String description) {
        public Setting {
            Objects.requireNonNull(key);
            Objects.requireNonNull(variable);
            Objects.requireNonNull(required);
            if ((required == Required.WHEN_UPSTREAM_ENABLED) != (upstream != null)) {
                throw new IllegalArgumentException(key + ": only an upstream's settings are required when it is enabled");
            }
        }

        /** Whether {@code prod} refuses to start without it, given the upstreams this deployment uses. */
        public boolean requiredWith(java.util.Collection<String> enabledUpstreams) {
            return required == Required.ALWAYS
                    || required == Required.WHEN_UPSTREAM_ENABLED && enabledUpstreams.contains(upstream.id());
        }
    }

    public static final List<Setting> ALL = List.of(
            common("offramp.db.url", false, "JDBC URL of the order store"),
            common("offramp.db.user", false, "database user"),
            common("offramp.db.password", true, "database password"),
            common("offramp.api-keys", true, "keys for /api/**, comma-separated"),
            common("offramp.admin-keys", true, "keys for /admin/**, comma-separated"),
            optional("offramp.viewer-keys", true, "read-only keys for the ops console and GET /admin/**, comma-separated; empty: none"),
            upstream(Provider.UNIGOX, "unigox.base-url", false, "the Unigox server"),
            upstream(Provider.UNIGOX, "unigox.api-key", true, "partner key sent as X-API-Key"),
            upstream(Provider.UNIGOX, "unigox.webhook.secrets", true, "webhook signing secrets, comma-separated"),
            upstream(Provider.UNIGOX, "unigox.webhook.url", false, "public URL registered with Unigox for webhooks"),
            upstream(Provider.CHANGELLY, "changelly.base-url", false, "the Changelly Fiat API server"),
            upstream(Provider.CHANGELLY, "changelly.api-key", true, "API key sent as X-Api-Key"),
            upstream(Provider.CHANGELLY, "changelly.private-key", true, "base64 PEM RSA private key that signs requests"),
            upstream(Provider.CHANGELLY, "changelly.callback-public-keys", false, "base64 PEM RSA public keys that verify callbacks"),
            optional("offramp.events.url", false, "the business's endpoint for signed event webhooks; empty: none sent"),
            optional("offramp.events.secret", true, "whsec_ secret(s) signing event webhooks, comma-separated"),
            optional("offramp.events.broker-uri", false, "a Camel endpoint URI events also go to (e.g. amqp:queue:offramp.events); empty: none"),
            optional("sandbox.unigox.webhook-secret", true, "the Unigox simulator's webhook signing secret"),
            optional("sandbox.changelly.callback-private-key", true, "the Changelly simulator's callback signing key"));

    private Settings() {
    }

    /** The settings whose values are secrets, in table order. */
    public static List<Setting> secrets() {
        return ALL.stream().filter(Setting::secret).toList();
    }

    /** The environment variable of a property key: upper case, '.' and '-' as '_' (how Camel reads it). */
    public static String variableOf(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Setting common(String key, boolean secret, String description) {
        return new Setting(key, variableOf(key), secret, Required.ALWAYS, null, description);
    }

    private static Setting upstream(Provider upstream, String key, boolean secret, String description) {
        return new Setting(key, variableOf(key), secret, Required.WHEN_UPSTREAM_ENABLED, upstream, description);
    }

    private static Setting optional(String key, boolean secret, String description) {
        return new Setting(key, variableOf(key), secret, Required.NO, null, description);
    }
}
