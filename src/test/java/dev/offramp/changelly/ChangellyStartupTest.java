package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.offramp.config.ChangellyBeans;
import dev.offramp.config.ConfigFiles;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The registry wiring in {@link ChangellyBeans}: the beans are bound, and a bad key stops start-up. */
class ChangellyStartupTest {

    @Test
    void theConfiguredKeysBindTheSignerAndTheCallbackVerifier() throws Exception {
        Properties settings = ConfigFiles.embeddedDefaults();

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(settings);
            ChangellyBeans.bind(context);

            assertThat(context.getRegistry().lookupByName("changellySigner"))
                    .isInstanceOf(ChangellyRequestSigner.class);
            assertThat(context.getRegistry().lookupByName("changellyCallbackVerifier"))
                    .isInstanceOf(ChangellyCallbackVerifier.class);
        }
    }

    @Test
    void aPrivateKeyThatCannotBeLoadedStopsStartUpNamingTheVariable() throws Exception {
        Properties settings = ConfigFiles.embeddedDefaults();
        String damaged = settings.getProperty("changelly.private-key").substring(0, 600) + "%%";
        settings.setProperty("changelly.private-key", damaged);

        String message = startUpFailure(settings);

        assertThat(message).startsWith("Refusing to start: CHANGELLY_PRIVATE_KEY is not base64");
        ChangellyKeysTest.assertLeaksNothingOf(message, damaged);
    }

    @Test
    void callbackKeysThatCannotBeLoadedStopStartUpNamingTheVariable() throws Exception {
        Properties settings = ConfigFiles.embeddedDefaults();
        // The private key pasted where the public keys belong.
        String wrong = settings.getProperty("changelly.private-key");
        settings.setProperty("changelly.callback-public-keys", wrong);

        String message = startUpFailure(settings);

        assertThat(message).startsWith("Refusing to start: CHANGELLY_CALLBACK_PUBLIC_KEYS holds a PRIVATE key");
        ChangellyKeysTest.assertLeaksNothingOf(message, wrong);
    }

    private static String startUpFailure(Properties settings) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(settings);
            IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
                    () -> ChangellyBeans.bind(context));
            assertThat(e).as("start-up must stop").isNotNull();
            assertThat(context.getRegistry().lookupByName("changellyCallbackVerifier")).isNull();
            return e.getMessage();
        }
    }
}
