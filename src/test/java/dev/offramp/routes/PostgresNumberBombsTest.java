package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Tag;

/** {@link NumberBombsContract} on PostgreSQL. */
@Tag("postgres")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18401", "offramp.management-port=19401",
            "offramp.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=offramp_number_bombs",
            "offramp.db.user=postgres", "offramp.db.pool-size=4",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0"
        })
class PostgresNumberBombsTest extends NumberBombsContract {

    static {
        PostgresDatabase.freshSchema("offramp_number_bombs");
    }
}
