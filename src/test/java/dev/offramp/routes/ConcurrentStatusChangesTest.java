package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ConcurrentStatusChangesContract} on the embedded H2 database. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18181", "offramp.management-port=19181",
            "offramp.db.url=jdbc:h2:mem:concurrent-status;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key"
        })
@ExtendWith(UnigoxContractExtension.class)
class ConcurrentStatusChangesTest extends ConcurrentStatusChangesContract {
}
