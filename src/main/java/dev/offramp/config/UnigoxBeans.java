package dev.offramp.config;

import dev.offramp.routing.ReadUnigoxWebhook;
import dev.offramp.routing.VerifyUnigoxWebhook;
import dev.offramp.unigox.UnigoxKyc;
import dev.offramp.unigox.UnigoxRequests;
import dev.offramp.unigox.UnigoxResponses;
import dev.offramp.unigox.UnigoxViews;
import dev.offramp.unigox.UnigoxWebhookEvents;
import dev.offramp.unigox.UnigoxWebhookSignature;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/** Binds the Unigox beans the routes under routes/unigox, routes/api and routes/webhooks call. */
public final class UnigoxBeans {

    private UnigoxBeans() {
    }

    /**
     * @param enabled false when Unigox is switched off (OFFRAMP_UNIGOX_ENABLED=false): its webhook secrets are
     *        then not read (prod does not require them) and no delivery verifies (the webhook path answers
     *        404 before it is asked)
     */
    static void bind(CamelContext context, boolean enabled) {
        PropertiesComponent props = context.getPropertiesComponent();
        var registry = context.getRegistry();
        registry.bind("unigoxRequests", new UnigoxRequests());
        UnigoxResponses responses = new UnigoxResponses();
        registry.bind("unigoxResponses", responses);
        registry.bind("unigoxViews", new UnigoxViews(responses));
        registry.bind("unigoxKyc", new UnigoxKyc());
        UnigoxWebhookEvents webhookEvents = new UnigoxWebhookEvents();
        UnigoxWebhookSignature webhookSignature = !enabled ? null : new UnigoxWebhookSignature(
                props.resolveProperty("unigox.webhook.secrets").orElse(""),
                Long.parseLong(props.resolveProperty("unigox.webhook.tolerance-seconds").orElse("300").trim()),
                Clock.systemUTC());
        registry.bind("readUnigoxWebhook", new ReadUnigoxWebhook(webhookEvents));
        registry.bind("verifyUnigoxWebhook", new VerifyUnigoxWebhook(webhookSignature));
    }
}
