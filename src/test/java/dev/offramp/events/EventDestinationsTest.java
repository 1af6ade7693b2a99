package dev.offramp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class EventDestinationsTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void anHttpEndpointAndABrokerCanBothBeConfigured() {
        EventDestinations both = new EventDestinations("https://hooks.example.com/offramp", SECRET, "",
                "amqp:queue:offramp.events", "order.status_changed", Clock.systemUTC());
        assertThat(both.rows()).extracting(r -> r.get("name")).containsExactly("default", "broker");
        assertThat(both.kind("default")).isEqualTo("http");
        assertThat(both.kind("broker")).isEqualTo("broker");
        assertThat(both.url("broker")).isEqualTo("amqp:queue:offramp.events");
        assertThat(both.rows().get(1).get("event_types")).isEqualTo("order.status_changed");
        // a broker message carries the id and timestamp; it is not signed (the broker's own auth guards it)
        assertThat(both.headers("broker", "msg_1", "{}")).containsKeys("webhook-id", "webhook-timestamp")
                .doesNotContainKey("webhook-signature");
        assertThat(both.headers("default", "msg_1", "{}").get("webhook-signature").toString()).startsWith("v1,");
    }

    @Test
    void aBrokerAloneIsEnough() {
        EventDestinations broker = new EventDestinations("", "", "", "kafka:offramp-events", "", Clock.systemUTC());
        assertThat(broker.rows()).extracting(r -> r.get("name")).containsExactly("broker");
    }

    @Test
    void aBrokerUriIsAnEndpointWithoutCredentials() {
        assertThatThrownBy(() -> broker("amqp:queue:x?password=hunter2")).hasMessageContaining("must not hold credentials")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> broker("jms:queue:x?username=u&amp;token=t")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> broker("https://hooks.example.com")).hasMessageContaining("OFFRAMP_EVENTS_URL");
        assertThatThrownBy(() -> broker("direct:somewhere")).hasMessageContaining("broker endpoint");
        assertThatThrownBy(() -> broker("no scheme")).hasMessageContaining("Camel endpoint URI");
        assertThatThrownBy(() -> new EventDestinations("", "", "", "amqp:queue:x", "order.lost", Clock.systemUTC()))
                .hasMessageContaining("OFFRAMP_EVENTS_BROKER_TYPES").hasMessageContaining("order.lost");
    }

    @Test
    void anHttpEndpointNeedsItsSecret() {
        assertThatThrownBy(() -> new EventDestinations("https://hooks.example.com", "", "", null, null, Clock.systemUTC()))
                .hasMessageContaining("OFFRAMP_EVENTS_SECRET");
        assertThatThrownBy(() -> new EventDestinations("ftp://x", SECRET, "", null, null, Clock.systemUTC()))
                .hasMessageContaining("OFFRAMP_EVENTS_URL");
    }

    static EventDestinations broker(String uri) {
        return new EventDestinations(null, null, null, uri, null, Clock.systemUTC());
    }
}
