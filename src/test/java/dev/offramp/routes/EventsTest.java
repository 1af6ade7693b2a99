package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;

/** {@link EventsContract} on the embedded H2 database. */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18178", "offramp.management-port=19178",
            "offramp.db.url=jdbc:h2:mem:events;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "offramp.events.retry-schedule=0s,300ms,300ms,300ms", "offramp.events.poll-ms=100",
            "offramp.events.feed-settle-ms=0"
        })
class EventsTest extends EventsContract {
}
