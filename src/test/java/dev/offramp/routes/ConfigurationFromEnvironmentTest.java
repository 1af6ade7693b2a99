package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up as ops see it: settings from environment variables, and production refusing to start half-configured. */
class ConfigurationFromEnvironmentTest {

    /** Every secret or URL the prod profile requires, with a recognisable value. */
    static Map<String, String> completeProductionEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("CAMEL_MAIN_PROFILE", "prod");
        env.put("OFFRAMP_DB_URL", "jdbc:postgresql://127.0.0.1:1/never-reached");
        env.put("OFFRAMP_DB_USER", "offramp");
        env.put("OFFRAMP_DB_PASSWORD", "db-password-SECRET-1");
        env.put("OFFRAMP_API_KEYS", "api-key-SECRET-2");
        env.put("OFFRAMP_ADMIN_KEYS", "admin-key-SECRET-3");
        env.put("UNIGOX_BASE_URL", "https://unigox.example");
        env.put("UNIGOX_API_KEY", "unigox-key-SECRET-4");
        env.put("UNIGOX_WEBHOOK_SECRETS", "whsec-SECRET-5");
        env.put("UNIGOX_WEBHOOK_URL", "https://bundle.example/webhooks/unigox");
        env.put("CHANGELLY_BASE_URL", "https://changelly.example");
        env.put("CHANGELLY_API_KEY", "changelly-key-SECRET-6");
        env.put("CHANGELLY_PRIVATE_KEY", "cHJpdmF0ZS1rZXktU0VDUkVULTc=");
        env.put("CHANGELLY_CALLBACK_PUBLIC_KEYS", "cHVibGljLWtleQ==");
        return env;
    }

    @Test
    void prodRefusesToStartNamingEveryMissingVariableAndNoValue() throws Exception {
        Map<String, String> env = completeProductionEnvironment();
        env.remove("OFFRAMP_API_KEYS");
        env.remove("UNIGOX_WEBHOOK_SECRETS");
        env.remove("CHANGELLY_PRIVATE_KEY");

        try (BundleProcess bundle = BundleProcess.start(env)) {
            Integer exit = bundle.exitCode(60);

            assertThat(exit).as("the process must stop by itself").isNotNull().isNotZero();
            String out = bundle.output();
            assertThat(out).contains("Refusing to start in profile 'prod'")
                    .contains("OFFRAMP_API_KEYS, UNIGOX_WEBHOOK_SECRETS, CHANGELLY_PRIVATE_KEY");
            assertThat(out).doesNotContain("OFFRAMP_DB_URL,").doesNotContain("UNIGOX_API_KEY,");
            for (String value : completeProductionEnvironment().values()) {
                if (value.contains("SECRET")) {
                    assertThat(out).as("secret value in output").doesNotContain(value);
                }
            }
        }
    }

    @Test
    void prodWithNothingSetNamesAllRequiredVariables() throws Exception {
        try (BundleProcess bundle = BundleProcess.start(Map.of("CAMEL_MAIN_PROFILE", "prod"))) {
            assertThat(bundle.exitCode(60)).isNotNull().isNotZero();
            assertThat(bundle.output()).contains(
                    "OFFRAMP_DB_URL, OFFRAMP_DB_USER, OFFRAMP_DB_PASSWORD, OFFRAMP_API_KEYS, OFFRAMP_ADMIN_KEYS, "
                    + "UNIGOX_BASE_URL, UNIGOX_API_KEY, UNIGOX_WEBHOOK_SECRETS, UNIGOX_WEBHOOK_URL, "
                    + "CHANGELLY_BASE_URL, CHANGELLY_API_KEY, CHANGELLY_PRIVATE_KEY, CHANGELLY_CALLBACK_PUBLIC_KEYS");
        }
    }

    /** The variables the refusal names: what follows "Set these environment variables: " on its line. */
    static String namedVariables(String output) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Set these environment variables: ([A-Z0-9_, ]+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1).trim();
    }

    @Test
    void unigoxOnlyProdNamesOnlyTheCommonAndUnigoxVariables() throws Exception {
        try (BundleProcess bundle = BundleProcess.start(Map.of("CAMEL_MAIN_PROFILE", "prod", "OFFRAMP_CHANGELLY_ENABLED", "false"))) {
            assertThat(bundle.exitCode(60)).isNotNull().isNotZero();
            assertThat(namedVariables(bundle.output())).isEqualTo(
                    "OFFRAMP_DB_URL, OFFRAMP_DB_USER, OFFRAMP_DB_PASSWORD, OFFRAMP_API_KEYS, OFFRAMP_ADMIN_KEYS, "
                    + "UNIGOX_BASE_URL, UNIGOX_API_KEY, UNIGOX_WEBHOOK_SECRETS, UNIGOX_WEBHOOK_URL");
        }
    }

    @Test
    void changellyOnlyProdNeedsNoUnigoxSettingAndNamesTheMissingChangellyOne() throws Exception {
        Map<String, String> env = completeProductionEnvironment();
        env.keySet().removeIf(k -> k.startsWith("UNIGOX_"));
        env.remove("CHANGELLY_API_KEY");
        env.put("OFFRAMP_UNIGOX_ENABLED", "false");

        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).isNotNull().isNotZero();
            String out = bundle.output();
            assertThat(namedVariables(out)).isEqualTo("CHANGELLY_API_KEY");
            for (String value : completeProductionEnvironment().values()) {
                if (value.contains("SECRET")) {
                    assertThat(out).as("secret value in output").doesNotContain(value);
                }
            }
        }
    }

    /** Complete for one upstream, nothing of the other: start-up gets past settings and keys, as far as the database. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UNIGOX", "CHANGELLY"})
    void aSingleUpstreamProductionEnvironmentNeedsNothingOfTheOther(String off) throws Exception {
        Map<String, String> env = completeProductionEnvironment();
        env.keySet().removeIf(k -> k.startsWith(off + "_"));
        env.put("OFFRAMP_" + off + "_ENABLED", "false");
        // keys that load (the sandbox pair of the embedded defaults), so that only the database can stop it
        java.util.Properties embedded = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(Path.of("config/application.properties"))) {
            embedded.load(in);
        }
        if (env.containsKey("CHANGELLY_PRIVATE_KEY")) {
            env.put("CHANGELLY_PRIVATE_KEY", embedded.getProperty("changelly.private-key"));
            env.put("CHANGELLY_CALLBACK_PUBLIC_KEYS", embedded.getProperty("changelly.callback-public-keys"));
        }

        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(90)).as("the database is never reached: the process stops by itself").isNotNull().isNotZero();
            String out = bundle.output();
            assertThat(out).doesNotContain("Refusing to start").contains("The order store could not be opened and migrated");
        }
    }

    @Test
    void bothUpstreamsSwitchedOffRefusesToStartNamingBothSwitches() throws Exception {
        Map<String, String> env = completeProductionEnvironment();
        env.put("OFFRAMP_UNIGOX_ENABLED", "false");
        env.put("OFFRAMP_CHANGELLY_ENABLED", "false");

        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).isNotNull().isNotZero();
            assertThat(bundle.output()).contains("Refusing to start: OFFRAMP_UNIGOX_ENABLED and OFFRAMP_CHANGELLY_ENABLED are both false");
        }
    }

    @Test
    void aChangellyKeyThatCannotBeLoadedStopsStartUpNamingItsVariableAndNotTheKey() throws Exception {
        Map<String, String> env = completeProductionEnvironment();
        // a real key, damaged: the message must say what is wrong without quoting any of it
        String damaged = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktnd2dnU2tBZ0VBQW9JQkFRQ%%";
        env.put("CHANGELLY_PRIVATE_KEY", damaged);

        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).isNotNull().isNotZero();
            String out = bundle.output();
            assertThat(out).contains("Refusing to start: CHANGELLY_PRIVATE_KEY");
            assertThat(out).doesNotContain(damaged.substring(30, 60));
        }
    }

    /** A pool of one could never open: the migration holds one connection while it takes a second. */
    @Test
    void aPoolTooSmallToMigrateStopsStartUpNamingItsVariable() throws Exception {
        Map<String, String> env = embedded(18309, "jdbc:h2:mem:pool-of-one;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        env.put("OFFRAMP_DB_POOL_SIZE", "1");
        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).as("refused at once, not after the pool's 30 s timeout").isNotNull().isNotZero();
            assertThat(bundle.output()).contains("Refusing to start: OFFRAMP_DB_POOL_SIZE (offramp.db.pool-size) must be at least 2, not 1");
        }
        env.put("OFFRAMP_DB_POOL_SIZE", "ten");
        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).isNotNull().isNotZero();
            assertThat(bundle.output()).contains("Refusing to start: OFFRAMP_DB_POOL_SIZE (offramp.db.pool-size) must be a whole number, not 'ten'");
        }
    }

    /** Base URLs are checked before anything else starts: a value that cannot be the server stops start-up. */
    @Test
    void aBaseUrlThatIsNotAnAbsoluteHttpUrlStopsStartUpNamingItsVariable() throws Exception {
        Map<String, String> env = embedded(18303, "jdbc:h2:mem:bad-base-url;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        // the host without its scheme, as one might copy it from a browser's address bar
        env.put("UNIGOX_BASE_URL", "api-staging.unigox.com");

        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).as("the process must stop by itself").isNotNull().isNotZero();
            assertThat(bundle.output()).contains("Refusing to start: UNIGOX_BASE_URL must be an absolute http:// or https:// URL")
                    .doesNotContain("Started unigox-send");
        }
    }

    @Test
    void aBaseUrlWithAQueryStopsStartUpNamingItsVariable() throws Exception {
        Map<String, String> env = embedded(18303, "jdbc:h2:mem:query-base-url;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        env.put("CHANGELLY_BASE_URL", "https://fiat-api.changelly.com/?sandbox=true");

        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).as("the process must stop by itself").isNotNull().isNotZero();
            assertThat(bundle.output()).contains("Refusing to start: CHANGELLY_BASE_URL must not carry a query")
                    .doesNotContain("sandbox=true");
        }
    }

    /**
     * UNIGOX_BASE_URL in the old form (up to /api/v1/partner) still works, with one INFO line saying so;
     * and a start-up webhook registration that Unigox refuses (here: a wrong partner key) is a WARN line
     * with Unigox's answer code, not silence.
     */
    @Test
    void theOldUnigoxFormIsNormalisedAndARefusedStartUpRegistrationIsAWarning() throws Exception {
        Map<String, String> env = embedded(18304, "jdbc:h2:mem:old-form;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        env.put("UNIGOX_BASE_URL", "http://localhost:18304/sandbox/unigox/api/v1/partner/");
        // the simulator takes its own key, so the bundle's is wrong
        env.put("UNIGOX_API_KEY", "not-the-sandbox-key-SECRET-8");
        env.put("SANDBOX_UNIGOX_API_KEY", "the-simulators-key-SECRET-9");

        try (BundleProcess bundle = BundleProcess.start(env)) {
            String warning = "Unigox webhook registration of http://localhost:18304/webhooks/unigox failed: HTTP 401 unauthorized";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> bundle.output().contains(warning) || !bundle.isAlive());
            String out = bundle.output();
            assertThat(out.lines().filter(l -> l.contains(warning))).as(out).singleElement().asString().contains(" WARN ");
            assertThat(out.lines().filter(l -> l.contains("UNIGOX_BASE_URL ends in /api/v1/partner")))
                    .singleElement().asString().contains(" INFO ").contains("taken as http://localhost:18304/sandbox/unigox");
            assertThat(out).doesNotContain("not-the-sandbox-key-SECRET-8").doesNotContain("the-simulators-key-SECRET-9");
        }
    }

    /** The database is opened and migrated while the routes are built: a failure must still stop start-up. */
    @Test
    void aDatabaseThatCannotBeMigratedStopsStartUpBeforeAnyRouteStarts(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("offramp") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        // someone else's table and no schema history: Flyway refuses to migrate a non-empty schema
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table someone_elses (id int)");
        }
        Map<String, String> env = embedded(18191, url);

        try (BundleProcess bundle = BundleProcess.start(env)) {
            assertThat(bundle.exitCode(60)).as("the process must stop by itself").isNotNull().isNotZero();
            String out = bundle.output();
            assertThat(out).contains("The order store could not be opened and migrated: Found non-empty schema(s)");
            assertThat(out).as("no route started").doesNotContain("Started reconcile-schedule")
                    .doesNotContain("Started webhook-unigox-receive");
        }
    }

    @Test
    void embeddedProfileTakesPortsDatabaseAndKeysFromTheEnvironment() throws Exception {
        Map<String, String> env = embedded(18190, "jdbc:h2:mem:from-env;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        env.put("OFFRAMP_API_KEYS", "key-from-env");

        try (BundleProcess bundle = BundleProcess.start(env)) {
            HttpClient http = TestHttp.client(Duration.ofSeconds(5));
            HttpRequest withEnvKey = HttpRequest.newBuilder(URI.create("http://localhost:18190/api/v1/orders"))
                    .header("X-API-Key", "key-from-env").timeout(Duration.ofSeconds(5)).build();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> bundle.isAlive()
                            && http.send(withEnvKey, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

            HttpRequest withDefaultKey = HttpRequest.newBuilder(URI.create("http://localhost:18190/api/v1/orders"))
                    .header("X-API-Key", "dev-api-key").timeout(Duration.ofSeconds(5)).build();
            assertThat(http.send(withDefaultKey, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:19190/observe/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    /** The environment of a bundle process on the embedded profile: its ports (management = HTTP + 1000) and database. */
    private static Map<String, String> embedded(int httpPort, String dbUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("OFFRAMP_HTTP_PORT", String.valueOf(httpPort));
        env.put("OFFRAMP_MANAGEMENT_PORT", String.valueOf(httpPort + 1000));
        env.put("OFFRAMP_DB_URL", dbUrl);
        return env;
    }
}
