package dev.offramp.routes;

import dev.offramp.app.OffRampApplication;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Tag;

/** {@link EventsContract} on PostgreSQL: the outbox, the claims and the feed's queries there. */
@Tag("postgres")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18298", "offramp.management-port=19298",
            "offramp.db.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=offramp_events",
            "offramp.db.user=postgres", "offramp.db.pool-size=4",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "offramp.events.retry-schedule=0s,300ms,300ms,300ms", "offramp.events.poll-ms=100",
            "offramp.events.feed-settle-ms=0"
        })
class PostgresEventsTest extends EventsContract {

    static {
        PostgresDatabase.freshSchema("offramp_events");
    }
}
