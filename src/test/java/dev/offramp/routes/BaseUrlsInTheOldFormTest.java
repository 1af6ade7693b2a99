package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** UNIGOX_BASE_URL in the form the bundle once required, up to /api/v1/partner (and CHANGELLY_BASE_URL up to /v1): still accepted, normalised at start-up (the INFO line is checked by ConfigurationFromEnvironmentTest). */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18302", "offramp.management-port=19302",
            "offramp.db.url=jdbc:h2:mem:baseurlsintheoldform;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.base-url=http://localhost:18302/sandbox/unigox/api/v1/partner",
            "changelly.base-url=http://localhost:18302/sandbox/changelly/v1"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
class BaseUrlsInTheOldFormTest extends BaseUrlsContract {
}
