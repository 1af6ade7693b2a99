package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/** {@link RestOperationsFuzzContract} on PostgreSQL, which refuses text (a NUL) that H2 stores. */
@Tag("postgres")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18461", "offramp.management-port=19461",
            "offramp.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=offramp_rest_fuzz",
            "offramp.db.user=postgres", "offramp.db.pool-size=4",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            // a fuzzed request must not wait long for an upstream; the breakers must not open on the way
            "unigox.response-timeout-ms=3000", "changelly.response-timeout-ms=3000",
            "unigox.circuit.window-size=1000", "unigox.circuit.minimum-calls=1000",
            "changelly.circuit.window-size=1000", "changelly.circuit.minimum-calls=1000"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRestOperationsFuzzTest extends RestOperationsFuzzContract {

    static {
        PostgresDatabase.freshSchema("offramp_rest_fuzz");
    }
}
