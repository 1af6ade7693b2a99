package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Events to a broker: the AMQP 1.0 destination (routes/events/events-to-broker) against the RabbitMQ that
 * runs on this machine (its AMQP 1.0 plugin enabled: .ci/run does it), read back with the Qpid JMS client
 * directly, not through Camel. The HTTP destination (the sandbox receiver) runs beside it: the same events
 * reach both. Tagged broker: run with the PostgreSQL group (-Ppostgres, OFFRAMP_TEST_POSTGRES=true), failing
 * when RabbitMQ is unreachable.
 */
@Tag("broker")
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18188", "offramp.management-port=19188",
            "offramp.db.url=jdbc:h2:mem:events-broker;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "offramp.events.poll-ms=100", "offramp.events.feed-settle-ms=0",
            "offramp.events.broker-uri=amqp:queue:" + EventsToBrokerTest.QUEUE,
            // as the README says to configure it
            "camel.component.amqp.connection-factory=#class:org.apache.qpid.jms.JmsConnectionFactory",
            "camel.component.amqp.connection-factory.remoteuri=amqp://127.0.0.1:5672",
            "camel.component.amqp.connection-factory.username=guest",
            "camel.component.amqp.connection-factory.password=guest"
        })
class EventsToBrokerTest {

    static final String QUEUE = "offramp.events.test";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    @Test
    void eachEventReachesTheQueueInOrderWithItsIdAndTheExactBody() throws Exception {
        Bundle bundle = new Bundle(context);
        // receiveLocalOnly: a timed receive must not ask the broker to drain credit, which RabbitMQ 3.10's
        // AMQP 1.0 plugin answers with an internal error (rabbit_classic_queue send_drained)
        try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:5672?jms.receiveLocalOnly=true")
                .createConnection("guest", "guest")) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));

            String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
            for (String status : List.of("crypto_received", "fiat_payment_started", "completed")) {
                EventsContract.ok(unigoxWebhook(bundle, orderId, status));
            }

            List<Message> mine = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (mine.size() < 3 && System.currentTimeMillis() < deadline) {
                Message m = consumer.receive(1_000);
                if (m != null && orderId.equals(m.getStringProperty("event_subject"))) {
                    mine.add(m);
                }
            }
            assertThat(mine).as("three status changes of the order on the queue").hasSize(3);
            List<String> to = new ArrayList<>();
            for (Message m : mine) {
                JsonNode event = JSON.readTree(((TextMessage) m).getText());
                to.add(event.get("data").get("provider_status_to").asText());
                assertThat(m.getStringProperty("event_type")).isEqualTo(event.get("type").asText());
                assertThat(m.getStringProperty("webhook_id")).startsWith("msg_");
                assertThat(m.getStringProperty("webhook_timestamp")).matches("\\d{10}");
            }
            assertThat(to).containsExactly("crypto_received", "fiat_payment_started", "completed");

            // the same events, the same ids and bodies, as the feed and the HTTP destination have them
            JsonNode feed = JSON.readTree(bundle.get("/api/v1/events?limit=200").body());
            List<String> feedIds = new ArrayList<>();
            for (JsonNode e : feed.get("events")) {
                if (e.get("data").has("order") && orderId.equals(e.get("data").get("order").get("id").asText())
                        && "order.status_changed".equals(e.get("type").asText())) {
                    feedIds.add(e.get("id").asText());
                }
            }
            List<String> brokerIds = new ArrayList<>();
            for (Message m : mine) {
                brokerIds.add(m.getStringProperty("webhook_id"));
            }
            assertThat(brokerIds).isEqualTo(feedIds);
            List<Map<String, Object>> rows = bundle.query("SELECT d.destination, d.status FROM event_deliveries d "
                    + "JOIN events e ON e.seq = d.event_seq WHERE e.id = ?", brokerIds.get(0));
            assertThat(rows).extracting(r -> r.get("destination") + ":" + r.get("status"))
                    .containsExactlyInAnyOrder("broker:delivered", "default:delivered");
        }
    }

    static java.net.http.HttpResponse<String> unigoxWebhook(Bundle bundle, String orderId, String status) throws Exception {
        byte[] body = ("{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\"up-"
                + orderId + "\",\"status\":\"" + status + "\"}}").getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        return bundle.raw("POST", "/webhooks/unigox", body, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(timestamp),
                "X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", timestamp, body)));
    }
}
