package dev.offramp.config;

import static dev.offramp.config.BundleConfiguration.setting;

import dev.offramp.changelly.ChangellyCallbackVerifier;
import dev.offramp.changelly.ChangellyCallbacks;
import dev.offramp.changelly.ChangellyKeys;
import dev.offramp.changelly.ChangellyRequestSigner;
import dev.offramp.changelly.ChangellyReconcileListing;
import dev.offramp.changelly.ChangellyRequests;
import dev.offramp.changelly.ChangellyResponses;
import dev.offramp.changelly.ChangellyViews;
import dev.offramp.changelly.PrepareChangellyHttp;
import dev.offramp.changelly.PrepareChangellyRequest;
import dev.offramp.changelly.ReadChangellyCallback;
import dev.offramp.changelly.VerifyChangellyCallback;
import dev.offramp.upstream.RepeatSafeCalls;
import dev.offramp.upstream.UpstreamBaseUrl;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the Changelly beans: request signer and callback verifier (a key that cannot be loaded stops
 * start-up, naming its variable and never printing key material), request builder, answer reader.
 */
public final class ChangellyBeans {

    /** Every Fiat API path starts with it; CHANGELLY_BASE_URL is the server in front of it. */
    static final String API_VERSION = "/v1";
    /** The derived setting the routes use: CHANGELLY_BASE_URL, checked, without trailing slash or {@link #API_VERSION}. */
    static final String API_URL = "changelly.api-url";

    private static final Logger LOG = LoggerFactory.getLogger(ChangellyBeans.class);

    private ChangellyBeans() {
    }

    public static void bind(CamelContext context) {
        bind(context, true);
    }

    /**
     * @param enabled false when Changelly is switched off (OFFRAMP_CHANGELLY_ENABLED=false): its keys are
     *        then not read at all (prod does not require them), no request is ever signed, and the callback
     *        verifier accepts nothing (the callback path answers 404 before it is asked)
     */
    public static void bind(CamelContext context, boolean enabled) {
        PropertiesComponent props = context.getPropertiesComponent();
        String privateKey = setting(props, "changelly.private-key");
        String callbackKeys = setting(props, "changelly.callback-public-keys");
        ChangellyRequestSigner signer = !enabled ? null : changellyBean("CHANGELLY_PRIVATE_KEY",
                name -> new ChangellyRequestSigner(ChangellyKeys.privateKey(privateKey, name)));
        var registry = context.getRegistry();
        if (signer != null) {
            registry.bind("changellySigner", signer);
        }
        ChangellyCallbackVerifier callbackVerifier = !enabled ? ChangellyCallbackVerifier.acceptingNothing()
                : changellyBean("CHANGELLY_CALLBACK_PUBLIC_KEYS",
                        name -> new ChangellyCallbackVerifier(ChangellyKeys.publicKeys(callbackKeys, name)));
        registry.bind("changellyCallbackVerifier", callbackVerifier);
        ChangellyRequests requests = new ChangellyRequests(publishApiUrl(props, enabled), signer);
        registry.bind("changellyRequests", requests);
        registry.bind("prepareChangellyRequest", new PrepareChangellyRequest(requests,
                new RepeatSafeCalls(setting(props, "changelly.retry.repeat-safe-posts"))));
        ChangellyResponses responses = new ChangellyResponses();
        registry.bind("changellyResponses", responses);
        registry.bind("prepareChangellyHttp", new PrepareChangellyHttp(props.resolveProperty("changelly.api-key").orElse("")));
        ChangellyViews views = new ChangellyViews(responses);
        registry.bind("changellyViews", views);
        // what the reconcile-upstream-* templates ask of Changelly (routes/reconcile/reconcile-changelly.camel.yaml)
        registry.bind("changellyReconcileListing", new ChangellyReconcileListing(requests, views,
                Integer.parseInt(setting(props, "changelly.reconcile.ids-per-request"))));
        // the catalogue in snake_case (GET /api/v1/countries, /currencies, /providers)
        registry.bind("catalogueViews", new dev.offramp.changelly.CatalogueViews());
        ChangellyCallbacks callbacks = new ChangellyCallbacks();
        registry.bind("changellyCallbacks", callbacks);
        // the webhook template's verify and read steps for Changelly (routes/webhooks/webhook-receive)
        registry.bind("verifyChangellyCallback", new VerifyChangellyCallback(callbacks, callbackVerifier));
        registry.bind("readChangellyCallback", new ReadChangellyCallback(callbacks));
    }

    /** @throws IllegalStateException naming the variable; the key loaders' messages never contain key material */
    private static <T> T changellyBean(String variable, Function<String, T> create) {
        try {
            return create.apply(variable);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().startsWith(variable) ? e.getMessage() : variable + ": " + e.getMessage();
            throw new IllegalStateException("Refusing to start: " + reason, e);
        }
    }

    /**
     * Checks CHANGELLY_BASE_URL (a bad value stops start-up naming the variable) and publishes it,
     * normalised, as {@value #API_URL}: the server that the request paths ({@code /v1/...}) and the
     * signature's full URL are built on. An override property for the reasons given in
     * {@link UnigoxBeans#publishPartnerApiUrl}.
     */
    static String publishApiUrl(PropertiesComponent props, boolean enabled) {
        if (!enabled) {
            // switched off: CHANGELLY_BASE_URL may be empty; nothing is ever sent (the exchange route refuses)
            props.addOverrideProperty(API_URL, UpstreamBeans.SWITCHED_OFF_URL);
            return UpstreamBeans.SWITCHED_OFF_URL;
        }
        UpstreamBaseUrl url = UpstreamBeans.baseUrl("CHANGELLY_BASE_URL", setting(props, "changelly.base-url"), API_VERSION);
        if (url.prefixRemoved()) {
            LOG.info("CHANGELLY_BASE_URL ends in {}; the bundle appends that itself, so it is taken as {} "
                    + "(set CHANGELLY_BASE_URL to the server alone, as Changelly documents it)", API_VERSION, url.server());
        }
        props.addOverrideProperty(API_URL, url.server());
        return url.server();
    }
}
