package dev.offramp.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.events.EventTrace;
import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * Tracing off (the default) costs a no-op: no SDK, no span recorded, nothing kept with an event or sent. On,
 * it propagates W3C trace context only.
 */
class TracingTest {

    @Test
    void offMakesNoSdkAndRecordsNothing() {
        Tracing off = Tracing.off();
        assertThat(off.on()).isFalse();
        int before = InMemorySpans.EXPORTER.getFinishedSpanItems().size();
        EventTrace trace = new EventTrace(off.openTelemetry().getTracer("t"));
        // an event written with tracing off kept no traceparent: nothing to send
        Span span = trace.startDelivery(null, "msg_1", "order.created", "default");
        assertThat(EventTrace.traceparent(span.getSpanContext())).isNull();
        EventTrace.endDelivery(span, "delivered", 204);
        // one written while tracing was on still tells the receiver the trace it belongs to, with no new span
        String written = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        Span passedOn = trace.startDelivery(written, "msg_2", "order.created", "default");
        assertThat(EventTrace.traceparent(passedOn.getSpanContext())).isEqualTo(written);
        EventTrace.endDelivery(passedOn, "delivered", 204);
        assertThat(InMemorySpans.EXPORTER.getFinishedSpanItems()).hasSize(before);
        off.close();
    }

    @Test
    void onPropagatesTheW3cTraceContextAndNoBaggage() {
        // baggage a webhook sender set must not ride along on our calls to another party
        try (Tracing on = Tracing.fromEnvironment()) {
            assertThat(on.on()).isTrue();
            assertThat(on.openTelemetry().getPropagators().getTextMapPropagator().fields()).containsExactlyInAnyOrder("traceparent", "tracestate");
        }
    }

    @Test
    void withTracingOffAnEventKeepsNoTraceparent() throws Exception {
        CamelContext context = new DefaultCamelContext();
        Exchange exchange = new DefaultExchange(context);
        Map<String, Object> event = new HashMap<>();
        event.put("traceparent", null);
        List<Map<String, Object>> events = new ArrayList<>(List.of(event));
        exchange.getMessage().setBody(events);
        new TraceEventWrites(null).process(exchange);
        assertThat(event).containsEntry("traceparent", null);
    }
}
