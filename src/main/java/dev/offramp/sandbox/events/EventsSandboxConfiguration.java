package dev.offramp.sandbox.events;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;

/**
 * Puts the sandbox events receiver into the Camel registry as {@code sandboxEventsReceiver} when
 * {@code offramp.sandbox=true} (routes/sandbox/events-receiver serves it). Embedded profile only.
 */
@Configuration
public class EventsSandboxConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        if ("true".equalsIgnoreCase(context.getPropertiesComponent().resolveProperty("offramp.sandbox").orElse("").trim())) {
            context.getRegistry().bind("sandboxEventsReceiver", new EventsReceiver());
        }
    }
}
