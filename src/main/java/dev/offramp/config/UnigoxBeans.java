package dev.offramp.config;

import dev.offramp.unigox.PayoutMethods;
import dev.offramp.unigox.PrepareUnigoxHttp;
import dev.offramp.unigox.UnigoxAuthHealthCheck;
import dev.offramp.unigox.UnigoxAuthStatus;
import dev.offramp.unigox.ReadUnigoxWebhook;
import dev.offramp.unigox.UnigoxKyc;
import dev.offramp.unigox.UnigoxOrderDetails;
import dev.offramp.unigox.UnigoxReconcileListing;
import dev.offramp.unigox.UnigoxRequests;
import dev.offramp.unigox.UnigoxResponses;
import dev.offramp.unigox.UnigoxViews;
import dev.offramp.unigox.UnigoxWebhookEvents;
import dev.offramp.unigox.UnigoxWebhookSignature;
import dev.offramp.unigox.VerifyUnigoxWebhook;
import dev.offramp.upstream.UpstreamBaseUrl;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the Unigox beans the routes under routes/unigox, routes/orders, routes/users and routes/webhooks call. */
public final class UnigoxBeans {

    /** The prefix of every partner API path in Unigox's OpenAPI; UNIGOX_BASE_URL is the server in front of it. */
    static final String PARTNER_API = "/api/v1/partner";
    /** The derived setting the routes send to: UNIGOX_BASE_URL, checked and normalised, followed by {@link #PARTNER_API}. */
    static final String PARTNER_API_URL = "unigox.partner-api-url";
    /** The server alone (UNIGOX_BASE_URL as checked): Unigox's public reference data lives there. */
    static final String SERVER_URL = "unigox.server-url";

    private static final Logger LOG = LoggerFactory.getLogger(UnigoxBeans.class);

    private UnigoxBeans() {
    }

    /**
     * @param enabled false when Unigox is switched off (OFFRAMP_UNIGOX_ENABLED=false): its webhook secrets are
     *        then not read (prod does not require them) and no delivery verifies (the webhook path answers
     *        404 before it is asked)
     */
    static void bind(CamelContext context, boolean enabled) {
        PropertiesComponent props = context.getPropertiesComponent();
        publishPartnerApiUrl(props, enabled);
        var registry = context.getRegistry();
        registry.bind("unigoxRequests", new UnigoxRequests());
        registry.bind("prepareUnigoxHttp", new PrepareUnigoxHttp(props.resolveProperty("unigox.api-key").orElse(""),
                props.resolveProperty(SERVER_URL).orElse(UpstreamBeans.SWITCHED_OFF_URL)));
        UnigoxResponses responses = new UnigoxResponses();
        registry.bind("unigoxResponses", responses);
        registry.bind("unigoxViews", new UnigoxViews(responses));
        registry.bind("unigoxKyc", new UnigoxKyc());
        UnigoxOrderDetails orderDetails = new UnigoxOrderDetails(Clock.systemUTC());
        registry.bind("unigoxOrderDetails", orderDetails);
        // what the reconcile-upstream-* templates ask of Unigox (routes/reconcile/reconcile-unigox.camel.yaml)
        registry.bind("unigoxReconcileListing", new UnigoxReconcileListing(orderDetails));
        registry.bind("payoutMethods", new PayoutMethods());
        UnigoxWebhookEvents webhookEvents = new UnigoxWebhookEvents();
        UnigoxWebhookSignature webhookSignature = !enabled ? null : new UnigoxWebhookSignature(
                props.resolveProperty("unigox.webhook.secrets").orElse(""),
                Long.parseLong(props.resolveProperty("unigox.webhook.tolerance-seconds").orElse("300").trim()),
                Clock.systemUTC());
        registry.bind("readUnigoxWebhook", new ReadUnigoxWebhook(webhookEvents));
        registry.bind("verifyUnigoxWebhook", new VerifyUnigoxWebhook(webhookSignature));
        // verify-auth's last answer (routes/unigox/unigox-verify-auth), shown in readiness; no check when switched off
        UnigoxAuthStatus authStatus = new UnigoxAuthStatus(Clock.systemUTC());
        registry.bind("unigoxAuthStatus", authStatus);
        if (enabled && Long.parseLong(props.resolveProperty("unigox.verify-auth.interval-seconds").orElse("300").trim()) > 0) {
            registry.bind("unigoxAuthHealthCheck", new UnigoxAuthHealthCheck(authStatus));
        }
    }

    /**
     * Checks UNIGOX_BASE_URL (a bad value stops start-up naming the variable) and publishes
     * {@value #PARTNER_API_URL} for the routes' {@code {{unigox.partner-api-url}}}.
     *
     * <p>Why a derived property and not a bean: the URL is part of an endpoint URI (unigox-send's toD),
     * which a placeholder fills in once when the route is built, where a bean would be called again for
     * every request. Why an override property: overrides win over every other source (files, the
     * environment, test properties), so the routes always get the checked value, and nobody can set
     * {@value #PARTNER_API_URL} by mistake in place of UNIGOX_BASE_URL. CamelConfiguration classes run
     * before the route files are loaded, so every route sees it.
     */
    static void publishPartnerApiUrl(PropertiesComponent props, boolean enabled) {
        if (!enabled) {
            // switched off: UNIGOX_BASE_URL may be empty; nothing is ever sent (the exchange route refuses)
            props.addOverrideProperty(PARTNER_API_URL, UpstreamBeans.SWITCHED_OFF_URL + PARTNER_API);
            props.addOverrideProperty(SERVER_URL, UpstreamBeans.SWITCHED_OFF_URL);
            return;
        }
        UpstreamBaseUrl url = UpstreamBeans.baseUrl("UNIGOX_BASE_URL", BundleConfiguration.setting(props, "unigox.base-url"), PARTNER_API);
        if (url.prefixRemoved()) {
            LOG.info("UNIGOX_BASE_URL ends in {}; the bundle appends that itself now, so it is taken as {} "
                    + "(set UNIGOX_BASE_URL to the server alone, as Unigox documents it)", PARTNER_API, url.server());
        }
        props.addOverrideProperty(PARTNER_API_URL, url.apiRoot());
        props.addOverrideProperty(SERVER_URL, url.server());
    }
}
