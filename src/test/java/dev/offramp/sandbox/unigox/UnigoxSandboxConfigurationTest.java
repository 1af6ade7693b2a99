package dev.offramp.sandbox.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.sandbox.SandboxHttpAdapter;
import dev.offramp.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The wiring alone, on a bare context (no routes, no server): binds only with the sandbox on. */
class UnigoxSandboxConfigurationTest {

    private static final Map<String, String> KEY = Map.of("x-api-key", "nested-key", "content-type", "application/json");

    private static DefaultCamelContext contextWith(String sandbox) {
        DefaultCamelContext context = new DefaultCamelContext();
        Properties props = new Properties();
        props.put("offramp.sandbox", sandbox);
        props.put("unigox.api-key", "nested-key");
        props.put("sandbox.unigox.api-key", "{{unigox.api-key}}");
        props.put("sandbox.unigox.webhook-secret", "s3cret");
        props.put("sandbox.unigox.step-seconds", "0");
        props.put("sandbox.unigox.quote-ttl-seconds", "30");
        context.getPropertiesComponent().setInitialProperties(props);
        return context;
    }

    private static String call(UnigoxSimulator simulator, String method, String path, String json) {
        return simulator.handle(new SandboxRequest(method, path, "", KEY,
                json == null ? null : json.getBytes(StandardCharsets.UTF_8))).body();
    }

    @Test
    void withTheSandboxOffNothingIsBound() throws Exception {
        try (DefaultCamelContext context = contextWith("false")) {
            new UnigoxSandboxConfiguration().configure(context);
            assertThat(context.getRegistry().lookupByName("unigoxSimulator")).isNull();
            assertThat(context.getRegistry().lookupByName("unigoxSandboxHttp")).isNull();
        }
    }

    @Test
    void withTheSandboxOnTheSimulatorIsBoundAndStopsWithTheContext() throws Exception {
        try (DefaultCamelContext context = contextWith("true")) {
            new UnigoxSandboxConfiguration().configure(context);
            assertThat(context.getRegistry().lookupByName("unigoxSandboxHttp")).isInstanceOf(SandboxHttpAdapter.class);
            UnigoxSimulator simulator = context.getRegistry().lookupByNameAndType("unigoxSimulator", UnigoxSimulator.class);
            // the placeholder inside sandbox.unigox.api-key was resolved
            assertThat(call(simulator, "GET", "/api/v1/partner/verify-auth", null)).contains("\"authenticated\":true");

            context.start();
            context.stop();

            // stopped: its webhook thread takes no more work, and says so in the delivery log
            call(simulator, "POST", "/api/v1/partner/webhooks", "{\"url\":\"http://127.0.0.1:9/hooks\"}");
            String user = SimulatorClient.JSON.readTree(call(simulator, "POST", "/api/v1/partner/users",
                    "{\"user_ref\":\"r\",\"email\":\"r@example.com\"}")).get("data").get("user_uuid").asText();
            call(simulator, "POST", "/_sandbox/users/" + user + "/kyc", "{\"kyc_status\":\"VERIFIED\"}");
            assertThat(call(simulator, "GET", "/_sandbox/webhooks/deliveries", null))
                    .contains("\"state\":\"not_sent\"", "the simulator has stopped");
        }
    }
}
