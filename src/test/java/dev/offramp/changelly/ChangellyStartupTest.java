package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.offramp.config.BundleConfiguration;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The registry wiring in {@link BundleConfiguration}: the beans are bound, and a bad key stops start-up. */
class ChangellyStartupTest {

    @Test
    void theConfiguredKeysBindTheSignerAndTheCallbackVerifier() throws Exception {
        Properties settings = embeddedSettings();
        settings.setProperty("offramp.db.url", "jdbc:h2:mem:changelly-startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(settings);
            try {
                new BundleConfiguration().configure(context);

                assertThat(context.getRegistry().lookupByName("changellySigner"))
                        .isInstanceOf(ChangellyRequestSigner.class);
                assertThat(context.getRegistry().lookupByName("changellyCallbackVerifier"))
                        .isInstanceOf(ChangellyCallbackVerifier.class);
            } finally {
                DataSource dataSource = context.getRegistry().lookupByNameAndType("offrampDataSource", DataSource.class);
                if (dataSource instanceof HikariDataSource hikari) {
                    hikari.close();
                }
            }
        }
    }

    @Test
    void aPrivateKeyThatCannotBeLoadedStopsStartUpNamingTheVariable() throws Exception {
        Properties settings = embeddedSettings();
        String damaged = settings.getProperty("changelly.private-key").substring(0, 600) + "%%";
        settings.setProperty("changelly.private-key", damaged);

        String message = startUpFailure(settings);

        assertThat(message).startsWith("Refusing to start: CHANGELLY_PRIVATE_KEY is not base64");
        ChangellyKeysTest.assertLeaksNothingOf(message, damaged);
    }

    @Test
    void callbackKeysThatCannotBeLoadedStopStartUpNamingTheVariable() throws Exception {
        Properties settings = embeddedSettings();
        // The private key pasted where the public keys belong.
        String wrong = settings.getProperty("changelly.private-key");
        settings.setProperty("changelly.callback-public-keys", wrong);

        String message = startUpFailure(settings);

        assertThat(message).startsWith("Refusing to start: CHANGELLY_CALLBACK_PUBLIC_KEYS holds a PRIVATE key");
        ChangellyKeysTest.assertLeaksNothingOf(message, wrong);
    }

    /** Fails before the database is touched, so no data source is left open. */
    private static String startUpFailure(Properties settings) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(settings);
            IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
                    () -> new BundleConfiguration().configure(context));
            assertThat(e).as("start-up must stop").isNotNull();
            assertThat(context.getRegistry().lookupByName("offrampDataSource")).isNull();
            return e.getMessage();
        }
    }

    private static Properties embeddedSettings() throws Exception {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config", "application.properties"), StandardCharsets.UTF_8)) {
            settings.load(in);
        }
        return settings;
    }
}
