package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Tag;

/** {@link IdentifiersAtTheEdgeContract} on PostgreSQL, which refuses U+0000 in text: where the 500s were. */
@Tag("postgres")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18441", "offramp.management-port=19441",
            "offramp.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=offramp_identifiers_at_the_edge",
            "offramp.db.user=postgres", "offramp.db.pool-size=4",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0", "unigox.webhook.register-on-startup=false"
        })
class PostgresIdentifiersAtTheEdgeTest extends IdentifiersAtTheEdgeContract {

    static {
        PostgresDatabase.freshSchema("offramp_identifiers_at_the_edge");
    }
}
