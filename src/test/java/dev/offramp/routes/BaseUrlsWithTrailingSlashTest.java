package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import dev.offramp.contract.UnigoxContractExtension;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base URLs pasted with a trailing slash (https://api.unigox.com/, https://fiat-api.changelly.com/): the same calls, no double slash, and Changelly's signature still covers the URL really sent. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18301", "offramp.management-port=19301",
            "offramp.db.url=jdbc:h2:mem:baseurlswithtrailingslash;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "unigox.base-url=http://localhost:18301/sandbox/unigox/",
            "changelly.base-url=http://localhost:18301/sandbox/changelly/"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(UnigoxContractExtension.class)
class BaseUrlsWithTrailingSlashTest extends BaseUrlsContract {
}
