package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Tag;

/** {@link ConcurrentStatusChangesContract} on PostgreSQL, whose locking and duplicate-key behaviour differ from H2's. */
@Tag("postgres")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18281", "offramp.management-port=19281",
            "offramp.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=offramp_concurrency",
            "offramp.db.user=postgres", "offramp.db.pool-size=4",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key"
        })
class PostgresConcurrentStatusChangesTest extends ConcurrentStatusChangesContract {

    static {
        PostgresDatabase.freshSchema("offramp_concurrency");
    }
}
