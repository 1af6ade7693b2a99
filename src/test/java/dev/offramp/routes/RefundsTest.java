package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RefundsContract} on the embedded H2 database. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18199", "offramp.management-port=19199",
            "offramp.db.url=jdbc:h2:mem:refunds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0", "unigox.retry.backoff-ms=10"
        })
@ExtendWith(UnigoxContractExtension.class)
class RefundsTest extends RefundsContract {
}
