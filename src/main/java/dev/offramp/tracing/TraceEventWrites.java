package dev.offramp.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.SpanStorageManager;
import org.apache.camel.telemetry.SpanStorageManagerExchange;
import org.apache.camel.telemetry.Tracer;

/**
 * The first step of events-write: each event about to be written gets the W3C traceparent of the span the
 * exchange is in (the webhook, API call or reconciliation that made the change), so its deliveries join
 * that trace (dev.offramp.events.EventTrace). Read from Camel's own record of the exchange's active span:
 * Camel does not make its spans current on the thread, so OpenTelemetry's Span.current() has none here
 * (tried). With tracing off there is no tracer and the step does nothing.
 */
public final class TraceEventWrites implements Processor {

    private final Tracer tracer;
    private final SpanStorageManager spans = new SpanStorageManagerExchange();

    /** @param tracer Camel's tracer, or null when tracing is off */
    public TraceEventWrites(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        if (tracer == null) {
            return;
        }
        Span span = spans.peek(exchange);
        if (span == null) {
            return;
        }
        Map<String, String> carrier = new HashMap<>();
        tracer.getSpanLifecycleManager().inject(span, carrier::put, false);
        String traceparent = carrier.get("traceparent");
        if (traceparent == null) {
            return;
        }
        for (Map<String, Object> event : (List<Map<String, Object>>) exchange.getMessage().getBody(List.class)) {
            event.put("traceparent", traceparent);
        }
    }
}
