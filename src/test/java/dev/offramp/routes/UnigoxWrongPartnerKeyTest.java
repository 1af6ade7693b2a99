package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment whose UNIGOX_API_KEY Unigox refuses: GET /verify-auth at start-up says so in readiness
 * ({@code unigox-auth}: DOWN, {@code unigox: unauthorized}) and in one WARN line without the key; a
 * readiness probe does not call Unigox. The simulator keeps the right key, the bundle sends another.
 */
@ExtendWith(UnigoxContractExtension.class)
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18611", "offramp.management-port=19611",
            "offramp.db.url=jdbc:h2:mem:unigox-wrong-key;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.api-key=" + UnigoxWrongPartnerKeyTest.WRONG_KEY, "sandbox.unigox.api-key=sandbox-unigox-key",
            "unigox.webhook.register-on-startup=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnigoxWrongPartnerKeyTest {

    static final String WRONG_KEY = "wrong-partner-key-4f1c";
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<LogEvent> LOGGED = new CopyOnWriteArrayList<>();
    static final AbstractAppender CAPTURE;

    // before the bundle starts (the test instance is made first): the start-up check logs within a second
    static {
        CAPTURE = new AbstractAppender("unigox-wrong-key-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                LOGGED.add(event.toImmutable());
            }
        };
        CAPTURE.start();
        LoggerContext log = (LoggerContext) LogManager.getContext(false);
        log.getConfiguration().getRootLogger().addAppender(CAPTURE, Level.ALL, null);
        log.updateLoggers();
    }

    @AfterAll
    static void stopCapturing() {
        LoggerContext log = (LoggerContext) LogManager.getContext(false);
        log.getConfiguration().getRootLogger().removeAppender(CAPTURE.getName());
        log.updateLoggers();
        CAPTURE.stop();
    }

    @BeanInject
    CamelContext context;

    static JsonNode check(JsonNode readiness, String name) {
        for (JsonNode check : readiness.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no " + name + " check in readiness: " + readiness);
    }

    @Test
    void readinessShowsUnigoxUnauthorizedAndOneWarningWithoutTheKeySaysSo() throws Exception {
        Bundle bundle = new Bundle(context);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode readiness = JSON.readTree(bundle.health("/observe/health/ready?data=true"));
            JsonNode auth = check(readiness, "unigox-auth");
            assertThat(auth.get("status").asText()).isEqualTo("DOWN");
            assertThat(auth.get("data").get("unigox").asText()).isEqualTo("unauthorized");
            assertThat(auth.get("message").asText()).isEqualTo("unigox: unauthorized");
            assertThat(readiness.get("status").asText()).isEqualTo("DOWN");
        });
        List<String> warnings = LOGGED.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(e -> e.getMessage().getFormattedMessage()).filter(m -> m.contains("verify-auth")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("HTTP 401").doesNotContain(WRONG_KEY);
        assertThat(LOGGED).noneSatisfy(e -> assertThat(e.getMessage().getFormattedMessage()).contains(WRONG_KEY));

        // probes read the kept answer: they send nothing to Unigox
        JsonNode before = new UnigoxPlaybook(bundle).sim("GET", "/_sandbox/stats", null);
        assertThat(before.path("data").path("calls").path("GET /api/v1/partner/verify-auth").asInt()).isPositive();
        for (int i = 0; i < 3; i++) {
            bundle.health("/observe/health/ready?data=true");
        }
        JsonNode after = new UnigoxPlaybook(bundle).sim("GET", "/_sandbox/stats", null);
        assertThat(after.path("data").path("calls").path("GET /api/v1/partner/verify-auth").asInt())
                .isEqualTo(before.path("data").path("calls").path("GET /api/v1/partner/verify-auth").asInt());
    }
}
