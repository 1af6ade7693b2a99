package dev.offramp.config;

import static dev.offramp.config.BundleConfiguration.setting;

import dev.offramp.changelly.ChangellyCallbackVerifier;
import dev.offramp.changelly.ChangellyCallbacks;
import dev.offramp.changelly.ChangellyKeys;
import dev.offramp.changelly.ChangellyRequestSigner;
import dev.offramp.changelly.ChangellyRequests;
import dev.offramp.changelly.ChangellyResponses;
import dev.offramp.changelly.ChangellyViews;
import dev.offramp.routing.PrepareChangellyHttp;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Binds the Changelly beans: request signer and callback verifier (a key that cannot be loaded stops
 * start-up, naming its variable and never printing key material), request builder, answer reader.
 */
public final class ChangellyBeans {

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
        registry.bind("changellyCallbackVerifier", !enabled ? ChangellyCallbackVerifier.acceptingNothing()
                : changellyBean("CHANGELLY_CALLBACK_PUBLIC_KEYS",
                        name -> new ChangellyCallbackVerifier(ChangellyKeys.publicKeys(callbackKeys, name))));
        registry.bind("changellyRequests", new ChangellyRequests(setting(props, "changelly.base-url"), signer));
        ChangellyResponses responses = new ChangellyResponses();
        registry.bind("changellyResponses", responses);
        registry.bind("prepareChangellyHttp", new PrepareChangellyHttp());
        registry.bind("changellyViews", new ChangellyViews(responses));
        registry.bind("changellyCallbacks", new ChangellyCallbacks());
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
}
