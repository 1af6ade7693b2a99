package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * The events feed keeps offramp.events.retention-days (30 here, the default): the cleanup job deletes
 * older events once nothing is left to send, and keeps an older one while a delivery is still pending.
 * Through the bundle's database and its feed; the job runs every 300 ms here instead of hourly.
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18179", "offramp.management-port=19179",
            "offramp.db.url=jdbc:h2:mem:events-retention;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "offramp.events.poll-ms=100", "offramp.events.feed-settle-ms=0",
            "offramp.events.retention-check-ms=300", "offramp.events.retention-first-check-ms=300"
        })
class EventsRetentionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    @Test
    void eventsOlderThanTheRetentionAreDeletedOnceNothingIsLeftToSendAndNewerOrPendingOnesStay() throws Exception {
        Bundle bundle = new Bundle(context);
        String expired = orderWithEvents(bundle);
        String pending = orderWithEvents(bundle);
        String recent = orderWithEvents(bundle);
        // every event delivered to the embedded receiver first: then only age decides
        await().atMost(Duration.ofSeconds(20)).until(() -> bundle.query(
                "SELECT 1 FROM event_deliveries WHERE status <> 'delivered' AND subject IN (?, ?, ?)", expired, pending, recent).isEmpty());
        // two of them 31 days old; one of those still has a delivery to send (a retry due much later)
        bundle.execute("UPDATE events SET created_at = DATEADD('DAY', -31, CURRENT_TIMESTAMP) WHERE subject IN (?, ?)", expired, pending);
        bundle.execute("UPDATE event_deliveries SET status = 'pending', next_attempt_at = DATEADD('DAY', 1, CURRENT_TIMESTAMP)"
                + " WHERE subject = ?", pending);

        await().atMost(Duration.ofSeconds(20)).until(() -> events(bundle, expired) == 0);

        assertThat(bundle.query("SELECT 1 FROM event_deliveries WHERE subject = ?", expired)).as("its deliveries go with it").isEmpty();
        assertThat(events(bundle, pending)).as("a delivery still to send keeps its event").isPositive();
        assertThat(events(bundle, recent)).as("newer than the retention").isPositive();
        List<String> subjects = feedSubjects(bundle);
        assertThat(subjects).doesNotContain(expired).contains(pending, recent);
    }

    /** An order whose creation and first status change wrote events. */
    private static String orderWithEvents(Bundle bundle) throws Exception {
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        bundle.applyStatus(orderId, "crypto_received", "api", null);
        assertThat(events(bundle, orderId)).isPositive();
        return orderId;
    }

    private static long events(Bundle bundle, String subject) throws Exception {
        return ((Number) bundle.query("SELECT COUNT(*) AS n FROM events WHERE subject = ?", subject).get(0).get("n")).longValue();
    }

    /** The subjects of every event the feed shows, page after page. */
    private static List<String> feedSubjects(Bundle bundle) throws Exception {
        List<String> subjects = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = JSON.readTree(bundle.get("/api/v1/events?limit=100" + after).body());
            for (JsonNode event : page.get("events")) {
                JsonNode data = event.path("data");
                subjects.add(data.has("order") ? data.path("order").path("id").asText() : data.path("id").asText());
            }
            if (!page.path("has_more").asBoolean()) {
                return subjects;
            }
            after = "&after=" + page.get("next_cursor").asText();
        }
    }
}
