package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;

/** {@link RestOperationsFuzzContract} on the embedded H2 database. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18460", "offramp.management-port=19460",
            "offramp.db.url=jdbc:h2:mem:rest-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            // a fuzzed request must not wait long for an upstream; the breakers must not open on the way
            "unigox.response-timeout-ms=3000", "changelly.response-timeout-ms=3000",
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestOperationsFuzzTest extends RestOperationsFuzzContract {
}
