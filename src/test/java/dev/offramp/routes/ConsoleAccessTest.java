package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;

/** {@link ConsoleAccessContract} on the embedded H2 database. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18640", "offramp.management-port=19640",
            "offramp.db.url=jdbc:h2:mem:console-access;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "offramp.viewer-keys=test-viewer-key,second-viewer-key",
            "offramp.events.url=", "unigox.webhook.register-on-startup=false", "unigox.verify-auth.interval-seconds=0",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
class ConsoleAccessTest extends ConsoleAccessContract {
}
