package dev.offramp.sandbox.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.offramp.sandbox.SandboxHttpAdapter;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The wiring, on a bare Camel context with the bundle's own configuration file (no routes, no HTTP server):
 * nothing when the sandbox is off, both beans when it is on, and the simulator's threads stopped with the context.
 */
class ChangellySandboxConfigurationTest {

    @Test
    void sandboxOffBindsNothing() throws Exception {
        try (DefaultCamelContext context = context("false")) {
            new ChangellySandboxConfiguration().configure(context);

            assertThat(context.getRegistry().lookupByName("changellySimulator")).isNull();
            assertThat(context.getRegistry().lookupByName("changellySandboxHttp")).isNull();
            assertThat(context.hasService(SimulatorLifecycle.class)).isNull();
        }
    }

    @Test
    void sandboxOnBindsTheSimulatorAndItsHttpAdapterAndStopsWithTheContext() throws Exception {
        DefaultCamelContext context = context("true");
        new ChangellySandboxConfiguration().configure(context);
        context.start();

        Object bound = context.getRegistry().lookupByName("changellySimulator");
        assertThat(bound).isInstanceOf(ChangellySimulator.class);
        assertThat(context.getRegistry().lookupByName("changellySandboxHttp")).isInstanceOf(SandboxHttpAdapter.class);
        ChangellySimulator simulator = (ChangellySimulator) bound;
        SignedClient client = new SignedClient(simulator);
        // the configured key, public key and port (8080, as in config/application.properties) are in use
        assertThat(client.get("/v1/providers").status()).isEqualTo(200);

        context.stop();

        String orderId = client.createOrder("ext-1");
        client.control("POST", "/_sandbox/orders/" + orderId + "/advance", null);
        JsonNode callbacks = SignedClient.json(client.control("GET", "/_sandbox/callbacks", null)).get("callbacks");
        assertThat(callbacks).hasSize(1);
        assertThat(callbacks.get(0).get("error").asText()).isEqualTo("not sent: the simulator is stopped");
    }

    @Test
    void sandboxOnWithoutItsKeysStopsStartUpNamingTheKey() throws Exception {
        try (DefaultCamelContext context = context("true", "sandbox.changelly.callback-private-key", "")) {
            assertThatThrownBy(() -> new ChangellySandboxConfiguration().configure(context))
                    .hasMessageContaining("sandbox.changelly.callback-private-key");
        }
    }

    /** A context reading the bundle's configuration file, with offramp.sandbox and any further key/value pairs over it. */
    private static DefaultCamelContext context(String sandbox, String... overriddenKeyValues) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:config/application.properties");
        Properties overrides = new Properties();
        overrides.setProperty("offramp.sandbox", sandbox);
        overrides.setProperty("offramp.http-port", String.valueOf(SandboxKeys.HTTP_PORT));
        for (int i = 0; i < overriddenKeyValues.length; i += 2) {
            overrides.setProperty(overriddenKeyValues[i], overriddenKeyValues[i + 1]);
        }
        context.getPropertiesComponent().setOverrideProperties(overrides);
        return context;
    }
}
