package dev.offramp.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offramp.app.OffRampApplication;
import dev.offramp.tracing.InMemorySpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * Traces on (offramp.tracing.enabled, OFFRAMP_TRACING_ENABLED): one trace follows a Unigox webhook from
 * its receipt through the status router to the event it emits and that event's delivery, whose
 * traceparent the receiver gets. Spans are read from the OpenTelemetry SDK's in-memory exporter
 * ({@link InMemorySpans}).
 */
@CamelMainTest(mainClass = OffRampApplication.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
            "offramp.http-port=18182", "offramp.management-port=19182",
            "offramp.db.url=jdbc:h2:mem:traces;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "offramp.reconcile.enabled=false", "offramp.api-keys=test-api-key", "offramp.admin-keys=test-admin-key",
            "sandbox.unigox.step-seconds=0", "sandbox.changelly.step-seconds=0",
            "offramp.events.poll-ms=100", "offramp.tracing.enabled=true"
        })
class WebhookTraceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeanInject
    CamelContext context;

    @Test
    void oneTraceFollowsAWebhookThroughTheStatusRouterToItsEventsDelivery() throws Exception {
        Bundle bundle = new Bundle(context);
        String orderId = bundle.createOrder("unigox", "awaiting_crypto_transfer_authorization");
        InMemorySpans.EXPORTER.reset();
        byte[] body = ("{\"event_id\":\"evt_" + UUID.randomUUID() + "\",\"event_type\":\"order.status.changed\",\"data\":{\"order_id\":\"up-"
                + orderId + "\",\"status\":\"crypto_received\"}}").getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        HttpResponse<String> answer = bundle.raw("POST", "/webhooks/unigox", body, Map.of("Content-Type", "application/json",
                "X-Unigox-Timestamp", Long.toString(timestamp),
                "X-Unigox-Signature", HmacSha256.header("sandbox-unigox-webhook-secret", timestamp, body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

        // the receiver got the event, with a traceparent
        JsonNode delivery = await().atMost(Duration.ofSeconds(15)).until(() -> deliveryFor(bundle, orderId), d -> d != null);
        String traceparent = delivery.path("traceparent").asText();
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceparent.split("-")[1];

        // and that trace holds the webhook's receipt, the status router, the event's write and its delivery
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = InMemorySpans.EXPORTER.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            assertThat(trace).extracting(SpanData::getName).as(describeWithTrace(trace)).contains("event delivery");
            assertThat(describe(trace)).contains("/webhooks/unigox").contains("order-status-apply").contains("events-write");
            SpanData deliverySpan = trace.stream().filter(s -> s.getName().equals("event delivery")).findFirst().orElseThrow();
            // the receiver continued the delivery's span: here the sandbox receiver runs in the bundle, traced
            // too, so what it kept is its own server span's, a child of the delivery
            String receivedSpanId = traceparent.split("-")[2];
            SpanData receiver = trace.stream().filter(s -> s.getSpanId().equals(receivedSpanId)).findFirst().orElseThrow();
            assertThat(receiver.getParentSpanId()).isEqualTo(deliverySpan.getSpanId());
            assertThat(receiver.getAttributes().asMap().toString()).contains("/sandbox/events");
            assertThat(deliverySpan.getAttributes().asMap().toString()).contains("order.status_changed").contains("default");
            assertThat(trace.stream().filter(s -> s.getParentSpanContext().isValid() == false).count())
                    .as("one root: the webhook's receipt").isEqualTo(1);
        });
        // a key a caller typed into a URL is refused, and stays out of the trace: the query is cut from every URL
        HttpResponse<String> feed = bundle.raw("GET", "/api/v1/events?limit=1&api_key=typed-into-the-url", null, Map.of());
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(describe(InMemorySpans.EXPORTER.getFinishedSpanItems()))
                .contains("/api/v1/events?****"));
        // no span carries a key or a secret
        assertThat(describe(InMemorySpans.EXPORTER.getFinishedSpanItems())).doesNotContain("typed-into-the-url").doesNotContain("sandbox-unigox-webhook-secret")
                .doesNotContain("test-api-key").doesNotContain("test-admin-key").doesNotContain("whsec_");
    }

    @Test
    void idleDeliveryTicksMakeNoTrace() {
        // the delivery loop polls every offramp.events.poll-ms (100 here): with nothing due, a tick is no
        // one's business, and ten traces a second of it would bury the ones that matter in a collector
        InMemorySpans.EXPORTER.reset();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(InMemorySpans.EXPORTER.getFinishedSpanItems()).as(describeWithTrace(InMemorySpans.EXPORTER.getFinishedSpanItems())).isEmpty());
    }

    static JsonNode deliveryFor(Bundle bundle, String orderId) throws Exception {
        for (JsonNode d : JSON.readTree(bundle.raw("GET", "/sandbox/events/received", null, Map.of()).body()).get("received")) {
            JsonNode data = JSON.readTree(d.get("body").asText()).get("data");
            if (data.has("order") && orderId.equals(data.get("order").get("id").asText())) {
                return d;
            }
        }
        return null;
    }

    static String describe(List<SpanData> spans) {
        StringBuilder b = new StringBuilder();
        for (SpanData s : spans) {
            b.append(s.getName()).append(' ').append(s.getAttributes().asMap()).append('\n');
        }
        return b.toString();
    }

    /** Trace, span and parent ids (their first six digits), name and endpoint of each span: a failure's picture. */
    static String describeWithTrace(List<SpanData> spans) {
        StringBuilder b = new StringBuilder();
        for (SpanData s : spans) {
            b.append(s.getTraceId(), 0, 6).append(' ').append(s.getSpanId(), 0, 6).append('<').append(s.getParentSpanId(), 0, 6).append(' ')
                    .append(s.getName()).append(' ').append(s.getAttributes().asMap().get(io.opentelemetry.api.common.AttributeKey.stringKey("camel.uri"))).append('\n');
        }
        return b.toString();
    }
}
