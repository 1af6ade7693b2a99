package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base URLs as the providers document them, the server alone (UNIGOX_BASE_URL=https://api.unigox.com, CHANGELLY_BASE_URL=https://fiat-api.changelly.com), here the simulators' mounts: every call reaches its upstream. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18300", "offramp.management-port=19300",
            "offramp.db.url=jdbc:h2:mem:baseurlsasdocumented;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.base-url=http://localhost:18300/sandbox/unigox",
            "changelly.base-url=http://localhost:18300/sandbox/changelly"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
class BaseUrlsAsDocumentedTest extends BaseUrlsContract {
}
