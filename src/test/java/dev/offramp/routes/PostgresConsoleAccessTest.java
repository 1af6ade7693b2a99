package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Tag;

/** {@link ConsoleAccessContract} on PostgreSQL: the console's read endpoints' SQL (inbox list, lookup by any id, orphans). */
@Tag("postgres")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18642", "offramp.management-port=19642",
            "offramp.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=offramp_console_access",
            "offramp.db.user=postgres", "offramp.db.pool-size=4",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "offramp.viewer-keys=test-viewer-key,second-viewer-key",
            "offramp.events.url=", "unigox.webhook.register-on-startup=false", "unigox.verify-auth.interval-seconds=0",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
class PostgresConsoleAccessTest extends ConsoleAccessContract {

    static {
        PostgresDatabase.freshSchema("offramp_console_access");
    }
}
