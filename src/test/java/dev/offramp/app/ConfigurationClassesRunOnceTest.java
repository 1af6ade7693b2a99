package dev.offramp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.http.RequestLog;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * A bundle started the way every route test starts it ({@code mainClass = OffRampApplication.class} and
 * the embedded profile) has run each configuration class it names exactly once. camel-main configures a
 * class found by the test's package scan on top of the same class named in
 * {@code camel.main.configuration-classes}, and a second BundleConfiguration leaves a second set of
 * beans behind (two circuit breakers per upstream, the metrics reading the other one). Each class is
 * counted by something it adds to the context once per run: BundleConfiguration its request log, each
 * simulator's configuration the service that stops the simulator with the context.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18560", "offramp.management-port=19560",
            "offramp.db.url=jdbc:h2:mem:configuration-once;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
class ConfigurationClassesRunOnceTest {

    @BeanInject
    CamelContext context;

    @Test
    void eachNamedConfigurationClassRanOnce() {
        assertThat(context.getManagementStrategy().getEventNotifiers()).filteredOn(RequestLog.class::isInstance)
                .as("request logs (one per BundleConfiguration run)").hasSize(1);
        assertThat(services("dev.offramp.sandbox.unigox.UnigoxSandboxConfiguration$StopsWithContext"))
                .as("UnigoxSandboxConfiguration runs").isEqualTo(1);
        assertThat(services("dev.offramp.sandbox.changelly.SimulatorLifecycle"))
                .as("ChangellySandboxConfiguration runs").isEqualTo(1);
    }

    private long services(String className) {
        return context.hasServices(Service.class).stream().filter(s -> s.getClass().getName().equals(className)).count();
    }
}
